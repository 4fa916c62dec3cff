using System.Globalization;
using D2lSharp.Display;
using static TorchSharp.torch;

namespace D2lSharp.Exercises;

/// <summary>
/// Checkers for the exercises of notebook 12 — Forward and backward propagation (前向、反向传播).
/// They never throw: a learner's function that throws or returns the wrong shape is reported as feedback.
/// </summary>
public static class Notebook12
{
    /// <summary>Exercise 1: the shape of ∂J/∂W⁽¹⁾ for a minibatch of 64, 784 inputs, 256 hidden units, 10 outputs (W⁽¹⁾ is hidden × inputs).</summary>
    public static Feedback Exercise1(long[]? shape)
    {
        if (shape is null)
            return Check.Pending("give the shape of ∂J/∂W⁽¹⁾ for a minibatch of 64 examples, 784 inputs, 256 hidden units and 10 outputs, " +
                                 "with W⁽¹⁾ stored as in this notebook (hidden × inputs), as a long[].");
        string Text(long[] s) => TensorFormatter.ShapeText(s);
        if (shape.SequenceEqual(new long[] { 784, 256 }))
            return Check.Wrong($"{Text(shape)} is W⁽¹⁾ transposed. In this notebook W⁽¹⁾ is stored hidden × inputs, and the gradient is laid out like the parameter it belongs to.");
        if (shape.SequenceEqual(new long[] { 64, 256 }))
            return Check.Wrong($"{Text(shape)} is the shape of ∂J/∂Z, one row per example. The gradient of a parameter cannot depend on the batch size: every example contributes to the same entries.");
        if (shape.SequenceEqual(new long[] { 64, 784 }))
            return Check.Wrong($"{Text(shape)} is the shape of the input batch X (and of ∂J/∂X), not of a parameter's gradient.");
        return Check.Shape(shape, new long[] { 256, 784 }, "the shape of ∂J/∂W⁽¹⁾",
            hint: "J is one number; how many numbers does W⁽¹⁾ hold, and how are they laid out?");
    }

    /// <summary>The cases Exercise 2 runs the learner's function on: (Z, ∂J/∂H) pairs in float64, seeded.</summary>
    static IEnumerable<(Tensor Z, Tensor GradH)> Exercise2Cases()
    {
        using var generator = new TorchSharp.torch.Generator(1207);
        foreach (var shape in new[] { new long[] { 4, 5 }, new long[] { 1, 3 }, new long[] { 7, 2 } })
            yield return (randn(shape, dtype: ScalarType.Float64, generator: generator) * 2,
                          randn(shape, dtype: ScalarType.Float64, generator: generator));
    }

    /// <summary>
    /// Exercise 2: a function (∂J/∂H, H) → ∂J/∂Z for φ = tanh, using only the stored H = tanh(Z).
    /// Run on three cases and compared with autograd.
    /// </summary>
    public static Feedback Exercise2(Func<Tensor, Tensor, Tensor>? gradZ)
    {
        if (gradZ is null)
            return Check.Pending("write a function (gradH, H) => ∂J/∂Z for the activation φ = tanh, where H = tanh(Z) is the value the forward pass kept " +
                                 "and gradH is ∂J/∂H; the checker runs it on a few cases.");
        const string hint = "differentiate tanh and write the result in terms of tanh(z) itself (that is H); the chain rule through an element-wise φ is an element-wise product";
        using var scope = NewDisposeScope();
        foreach (var (z, gradH) in Exercise2Cases())
        {
            var leaf = z.clone().requires_grad_(true);
            var h = leaf.tanh();
            h.backward(new[] { gradH });
            var expected = leaf.grad!.detach();
            var storedH = h.detach();
            Tensor? answer;
            try
            {
                answer = gradZ(gradH.clone(), storedH.clone());
            }
            catch (Exception e)
            {
                return Check.Wrong($"on a case of shape {TensorFormatter.ShapeText(z.shape)} your function threw {e.GetType().Name}: {e.Message.Split('\n')[0]}");
            }
            if (answer is null)
                return Check.Wrong("your function returned null; it should return ∂J/∂Z, a tensor shaped like H.");
            if (answer.shape.SequenceEqual(expected.shape) && answer.is_floating_point())
            {
                var a64 = answer.detach().to_type(ScalarType.Float64);
                if ((a64 - gradH * storedH * (1 - storedH)).abs().max().item<double>() < 1e-9)
                    return Check.Wrong("that is the chain rule with the derivative of the sigmoid, h(1 − h). tanh has a different derivative. Hint: " + hint + ".");
            }
            var verdict = Check.Tensor(answer, expected, $"∂J/∂Z on a case of shape {TensorFormatter.ShapeText(z.shape)}", tolerance: 1e-9, hint: hint);
            if (verdict.Correct != true) return verdict;
        }
        return Check.Right("∂J/∂Z = ∂J/∂H ⊙ (1 − H²) matches autograd on all three cases: tanh′ needs only the kept output H, not Z.");
    }

    /// <summary>The statements of exercise 3, by letter.</summary>
    public static readonly IReadOnlyDictionary<char, string> Exercise3Statements = new Dictionary<char, string>
    {
        ['A'] = "The forward pass computes the local derivatives (such as ∂H/∂Z) and stores them; backward only multiplies them.",
        ['B'] = "The forward pass stores intermediate values (such as X and H); backward computes each local derivative from them when it gets there.",
        ['C'] = "Backward runs the forward pass again for every parameter, so nothing needs to be stored.",
        ['D'] = "Inference keeps the same intermediate values as training; it only skips the parameter update.",
    };

    /// <summary>Exercise 3: which statement describes what autograd keeps between the forward and the backward pass (one letter).</summary>
    public static Feedback Exercise3(char? choice)
    {
        if (choice is null)
            return Check.Pending("which of the statements A–D (listed by Exercise3Statements) describes what is kept between the forward and the backward pass? Give its letter.");
        char c = char.ToUpperInvariant(choice.Value);
        return c switch
        {
            'B' => Check.Right("(B): the forward pass keeps values, and backward turns them into derivatives. That is why changing H in place after the forward pass breaks backward."),
            'A' => Check.Wrong("(A) is what the notes suggest, but no derivative exists before backward starts. Hint: look again at what happened when H was changed in place after the forward pass."),
            'C' => Check.Wrong("(C) would cost one forward pass per parameter, like numerical differentiation in notebook 05. Hint: what did the memory measurement show a training forward pass leaves behind?"),
            'D' => Check.Wrong("(D) contradicts the measurement: under no_grad the forward pass left almost nothing behind. Hint: compare the retained bytes of the two modes."),
            _ => Check.Wrong($"'{choice}' is not one of the letters A, B, C, D."),
        };
    }

    /// <summary>Exercise 4: bytes of hidden-layer outputs a training step keeps: 10 hidden ReLU layers of 1024 units, minibatch 512, float32.</summary>
    public static Feedback Exercise4(long? bytes)
    {
        const long layers = 10, width = 1024, batch = 512, floatBytes = 4;
        const long expected = layers * width * batch * floatBytes;
        if (bytes is null)
            return Check.Pending("how many bytes do the hidden layers' outputs take that a training step keeps for backward, for 10 hidden ReLU layers " +
                                 "of 1024 units, a minibatch of 512 and float32?");
        if (bytes == layers * width * batch)
            return Check.Wrong($"{bytes:N0} counts the values; the question asks for bytes.");
        if (bytes == expected * 2)
            return Check.Wrong($"{bytes:N0} would be float64; the net computes in float32.");
        if (bytes == width * batch * floatBytes)
            return Check.Wrong($"{bytes:N0} is one hidden layer's output; the backward pass needs every hidden layer's.");
        return Check.Exact(bytes, expected, "bytes of hidden outputs kept",
            hint: "one hidden output per layer, one row per example, one column per unit; mind the size of a float32");
    }
}

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
    public static Feedback Exercise1(long[]? shape) => Check.Guard(() =>
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
    });

    /// <summary>
    /// The shapes Exercise 2 runs the learner's function on, in order. The square ones come first: there a matrix product of any two
    /// of the inputs is shape-valid, so a learner who wrote gradH.matmul(...) gets feedback instead of a matmul shape error, which
    /// in TorchSharp ends the session (design.md §8b). The non-square cases run only after the square ones passed.
    /// </summary>
    static readonly long[][] Exercise2Shapes = [[1, 1], [4, 4], [4, 5], [1, 3], [7, 2]];

    /// <summary>The (Z, ∂J/∂H) pairs of Exercise 2 in float64, seeded, one per shape of <see cref="Exercise2Shapes"/>.</summary>
    static List<(Tensor Z, Tensor GradH)> Exercise2Cases()
    {
        using var generator = new TorchSharp.torch.Generator(1207);
        return Exercise2Shapes.Select(shape => (randn(shape, dtype: ScalarType.Float64, generator: generator) * 2,
                                                randn(shape, dtype: ScalarType.Float64, generator: generator))).ToList();
    }

    /// <summary>
    /// Matrix-product slips a learner may write for ∂J/∂H ⊙ (1 − H²), computed with mm on a square case (where they are shape-valid),
    /// each with what to tell them.
    /// </summary>
    static IEnumerable<(Tensor Value, string Message)> MatrixProductSlips(Tensor gradH, Tensor H)
    {
        const string elementwise = "The chain rule through an element-wise φ is an element-wise product: use *, which pairs each element with its own. " +
                                   "(On a non-square case that product would not even be defined, and a shape error in TorchSharp's matmul ends the whole session: " +
                                   "that is why the checker tries square cases first.)";
        var D = 1 - H * H;
        var HH = 1 - H.mm(H);
        yield return (gradH.mm(D), "your function computes ∂J/∂H times (1 − H²) as a matrix product (matmul, mm). " + elementwise);
        yield return (D.mm(gradH), "your function computes (1 − H²) times ∂J/∂H as a matrix product (matmul, mm). " + elementwise);
        const string square = "H.matmul(H) (or mm) is a matrix product, not the square of each element: write H * H or H.pow(2). ";
        yield return (gradH * HH, square.TrimEnd());
        yield return (gradH.mm(HH), square + elementwise);
        yield return (HH.mm(gradH), square + elementwise);
    }

    /// <summary>
    /// Exercise 2: a function (∂J/∂H, H) → ∂J/∂Z for φ = tanh, using only the stored H = tanh(Z).
    /// Run on square cases first, then on non-square ones, and compared with autograd.
    /// </summary>
    public static Feedback Exercise2(Func<Tensor, Tensor, Tensor>? gradZ) => Check.Guard(() =>
    {
        if (gradZ is null)
            return Check.Pending("write a function (gradH, H) => ∂J/∂Z for the activation φ = tanh, where H = tanh(Z) is the value the forward pass kept " +
                                 "and gradH is ∂J/∂H; the checker runs it on a few cases.");
        const string hint = "differentiate tanh and write the result in terms of tanh(z) itself (that is H); the chain rule through an element-wise φ is an element-wise product";
        using var scope = NewDisposeScope();
        bool rightSoFar = false;   // right on every earlier case, the 1 × 1 one among them
        foreach (var (z, gradH) in Exercise2Cases())
        {
            var leaf = z.clone().requires_grad_(true);
            var h = leaf.tanh();
            h.backward(new[] { gradH });
            var expected = leaf.grad!.detach();
            var storedH = h.detach();
            string where = $"on a case of shape {TensorFormatter.ShapeText(z.shape)}";
            bool square = z.shape[0] == z.shape[1];
            if (Check.Run(() => gradZ(gradH.clone(), storedH.clone()), where + ",", out var answer) is { } threw) return threw;
            if (Check.Returned(answer, z.shape, where + ",", "∂J/∂Z") is { } bad)
                return bad;
            var a64 = answer!.detach().to_type(ScalarType.Float64);
            double err = (a64 - expected).abs().max().item<double>();
            if (err <= 1e-9)
            {
                rightSoFar = true;
                continue;
            }
            if (answer.dtype != ScalarType.Float64 && err <= 1e-4)
                return Check.Wrong($"{where} your function returned {TensorFormatter.DTypeName(answer.dtype)} for float64 inputs, and the rounding to it " +
                                   $"shows (a difference of {err.ToString("G2", CultureInfo.InvariantCulture)}). Keep the inputs' dtype: compute with gradH and H directly.");
            if (square)
                foreach (var (value, message) in MatrixProductSlips(gradH, storedH))
                    if ((a64 - value).abs().max().item<double>() < 1e-9)
                        return Check.Wrong($"{where} " + message);
            if ((a64 - gradH * storedH * (1 - storedH)).abs().max().item<double>() < 1e-9)
                return Check.Wrong("that is the chain rule with the derivative of the sigmoid, h(1 − h). tanh has a different derivative. Hint: " + hint + ".");
            if (rightSoFar)
                return Check.ElementwiseSlip("∂J/∂Z = ∂J/∂H ⊙ φ′(Z)");
            return Check.Tensor(a64, expected, $"∂J/∂Z {where}", tolerance: 1e-9, hint: hint);
        }
        return Check.Right("∂J/∂Z = ∂J/∂H ⊙ (1 − H²) matches autograd on all five cases: tanh′ needs only the kept output H, not Z.");
    });

    /// <summary>The statements of exercise 3, by letter: explanations of why training runs out of memory where evaluation does not.</summary>
    public static readonly IReadOnlyDictionary<char, string> Exercise3Statements = new Dictionary<char, string>
    {
        ['A'] = "Training's forward pass computes every local derivative (such as ∂H/∂Z) and stores it; evaluation skips them.",
        ['B'] = "Training's forward pass keeps values such as each hidden layer's output until backward has used them; under no_grad each intermediate can be freed as soon as the next one is computed.",
        ['C'] = "Training runs the forward pass once for every parameter, and each run needs its own memory.",
        ['D'] = "Both keep the same intermediate values; training needs more memory only for the parameter update.",
    };

    /// <summary>
    /// Exercise 3: why a training step runs out of memory on a minibatch size at which evaluation (under no_grad) still works
    /// (one letter).
    /// </summary>
    public static Feedback Exercise3(char? choice) => Check.Guard(() =>
    {
        if (choice is null)
            return Check.Pending("which of the statements A–D (listed by Exercise3Statements) explains why training runs out of memory where evaluation " +
                                 "of the same network does not? Give its letter.");
        char c = char.ToUpperInvariant(choice.Value);
        return c switch
        {
            'B' => Check.Right("(B): the forward pass of training keeps values, one hidden output per layer and example, until backward turns them into gradients; " +
                               "without a graph, evaluation keeps next to nothing. That is the gap section 6 measured."),
            'A' => Check.Wrong("(A) is what the notes suggest, but no derivative exists before backward starts. Hint: look again at what happened when H was changed in place after the forward pass."),
            'C' => Check.Wrong("(C) would cost one forward pass per parameter, like numerical differentiation in notebook 05; backpropagation needs one forward and one backward pass. " +
                               "Hint: what did the memory measurement show a training forward pass leaves behind?"),
            'D' => Check.Wrong("(D) contradicts the measurement: under no_grad the forward pass left almost nothing behind, while training kept every hidden output. " +
                               "The update itself needs little: SGD changes the parameters in place. Hint: compare the readings of the two modes."),
            _ => Check.Wrong($"'{choice}' is not one of the letters A, B, C, D."),
        };
    });

    /// <summary>Exercise 4: bytes of hidden-layer outputs a training step keeps: 10 hidden ReLU layers of 1024 units, minibatch 512, float32.</summary>
    public static Feedback Exercise4(long? bytes) => Check.Guard(() =>
    {
        const long layers = 10, width = 1024, batch = 512, floatBytes = 4;
        const long expected = layers * width * batch * floatBytes;
        if (bytes is null)
            return Check.Pending("how many bytes do the hidden layers' outputs take that a training step keeps for backward, for 10 hidden ReLU layers " +
                                 "of 1024 units, a minibatch of 512 and float32?");
        string n = bytes.Value.ToString("N0", CultureInfo.InvariantCulture);
        if (bytes == layers * width * batch)
            return Check.Wrong($"{n} counts the values; the question asks for bytes.");
        if (bytes == expected * 2)
            return Check.Wrong($"{n} is twice the answer. Most likely you counted two tensors per layer, the pre-activation Z and the output H = ReLU(Z); " +
                               "the question asks only for the hidden layers' outputs H. (Or you took 8 bytes per value, which is float64; the net computes in float32.)");
        if (bytes == expected * 8)
            return Check.Wrong($"{n} counts bits: a float32 is 32 bits, which is 4 bytes.");
        if (bytes == width * batch * floatBytes)
            return Check.Wrong($"{n} is one hidden layer's output; the backward pass needs every hidden layer's.");
        if (bytes == layers * width * floatBytes)
            return Check.Wrong($"{n} is the memory for a single example; the minibatch holds 512, and each has its own hidden outputs.");
        if (bytes == expected / (1024 * 1024) || bytes == (long)Math.Round(expected / 1e6))
            return Check.Wrong($"{bytes} is the size in {(bytes == expected / (1024 * 1024) ? "MiB (2²⁰ bytes)" : "millions of bytes (MB)")}; the question asks for the number of bytes itself.");
        return Check.Exact(bytes, expected, "bytes of hidden outputs kept",
            hint: "one hidden output per layer, one row per example, one column per unit; mind the size of a float32");
    });

    /// <summary>
    /// Exercise 5 (d2l 4.7, exercise 2): which statements about a bias b in the hidden layer (z = W⁽¹⁾x + b, b not in the penalty)
    /// are true: (a) the graph gains b and a "+", and (d) the weights' gradient formulas keep their form. (Not "ac": that is the
    /// example every multiple-choice prompt shows.)
    /// </summary>
    public static Feedback Exercise5(string? letters) =>
        Check.Choice(letters, "ad", "the true statements about a bias in the hidden layer", new Dictionary<char, string>
        {
            ['b'] = "the exercise leaves b out of the penalty (d2l's exercise says it need not be included): s is computed from W⁽¹⁾ and W⁽²⁾ alone, so no arrow runs from b to ‖·‖²",
            ['c'] = "a parameter's gradient has one term per path from the parameter to J; W⁽¹⁾ has two (through z and through s), b only one",
            ['e'] = "z changes by exactly as much as b does (∂z/∂b is the identity), so ∂J/∂b is built from ∂J/∂Z alone, and no value of b is read",
        }, hint: "draw the graph with b: follow every path from b to J, and ask for each node on them which values its local derivative reads");

    /// <summary>
    /// The minibatches of Exercise 6 as (n, h): square only, because a learner's matmul with the wrong shapes ends the session
    /// (design.md §8b) and only on square cases is every such product defined. The price: one slip cannot be caught in-process.
    /// A product with a ones vector of the wrong length (<c>ones(h).matmul(dZ)</c> where ones(n) was meant) is defined only
    /// when n = h — and then ones(h) is ones(n), so it returns the right values on every case the checker can safely run. The
    /// checker's right answer therefore reminds every learner of the vector's length (<see cref="SquareCasesNote"/>), and the
    /// exercise's prose says so. Every other slip (mean instead of sum, the wrong axis, keepdim, float32, the per-example rows)
    /// shows on the square cases. The 4 × 4 case comes first, where the shapes of those slips differ from one another, and the
    /// 1 × 1 case last.
    /// </summary>
    static readonly (int N, int H)[] Exercise6Sizes = [(4, 4), (6, 6), (1, 1)];

    /// <summary>What Exercise 6's right answer adds: the one slip its square cases cannot show.</summary>
    internal const string SquareCasesNote =
        "The cases were square (n = h), so that a matrix product with the wrong shapes would still be defined. If your function " +
        "multiplies by a vector of ones, check that its length is n, the number of examples (gradZ.shape[0]): on these cases a vector " +
        "of h ones is the same vector, and ones(h) would pass here but fail on the first minibatch where n ≠ h.";

    /// <summary>
    /// The cases of Exercise 6: for each size, a network of this notebook with a bias in the hidden layer (d = 3 inputs, q = 4 classes,
    /// λ = 0.1, bias not penalized), seeded, in float64; returns ∂J/∂Z and ∂J/∂b as autograd computes them.
    /// </summary>
    static List<(Tensor GradZ, Tensor GradB)> Exercise6Cases()
    {
        using var generator = new TorchSharp.torch.Generator(1206);
        var cases = new List<(Tensor, Tensor)>();
        foreach (var (n, h) in Exercise6Sizes)
        {
            const int d = 3, q = 4;
            const double lambda = 0.1;
            var X = randn(n, d, dtype: ScalarType.Float64, generator: generator);
            var y = randint(0, q, [n], generator: generator);
            var W1 = randn(h, d, dtype: ScalarType.Float64, generator: generator).requires_grad_();
            var b = (randn(h, dtype: ScalarType.Float64, generator: generator) + 1).requires_grad_();   // most units active
            var W2 = randn(q, h, dtype: ScalarType.Float64, generator: generator).requires_grad_();
            var Z = X.mm(W1.t()) + b;
            Z.retain_grad();
            var O = nn.functional.relu(Z).mm(W2.t());
            var J = nn.functional.cross_entropy(O, y) + lambda / 2 * (W1.pow(2).sum() + W2.pow(2).sum());
            J.backward();
            cases.Add((Z.grad!.detach().clone(), b.grad!.detach().clone()));
        }
        return cases;
    }

    /// <summary>
    /// Exercise 6 (d2l 4.7, exercise 2): a function ∂J/∂Z (n × h) → ∂J/∂b (h,) for the bias of the hidden layer, compared with
    /// autograd on networks with a bias.
    /// </summary>
    public static Feedback Exercise6(Func<Tensor, Tensor>? gradB) => Check.Guard(() =>
    {
        if (gradB is null)
            return Check.Pending("write a function gradZ => ∂J/∂b that takes ∂J/∂Z (n × h, one row per example) and returns the gradient of the " +
                                 "hidden layer's bias b, a tensor of shape (h,) like b; the checker runs it on a few networks with a bias.");
        const string hint = "b is added to every row of X W⁽¹⁾ᵀ, so each example's row of ∂J/∂Z reaches every entry of b; how do the contributions of several examples combine?";
        using var scope = NewDisposeScope();
        foreach (var (gradZ, expected) in Exercise6Cases())
        {
            long n = gradZ.shape[0], h = gradZ.shape[1];
            string where = $"for ∂J/∂Z of shape {TensorFormatter.ShapeText(gradZ.shape)},";
            if (Check.Run(() => gradB(gradZ.clone()), where, out var answer) is { } threw) return threw;
            if (answer is not null && !answer.IsInvalid && answer.dtype == ScalarType.Byte && answer.dim() == 0)
                return Check.Wrong($"{where} your function returned one uint8 number. If you wrote sum(0): that is the C# trap of notebook 03 — the literal 0 " +
                                   "converts to any enum, so sum(0) calls sum(ScalarType type) with type 0 = Byte and adds up everything. Name the argument: sum(dim: 0).");
            if (answer is not null && !answer.IsInvalid && Check.IsReal(answer.dtype) && answer.is_floating_point() && !answer.shape.SequenceEqual(new[] { h }))
            {
                string got = TensorFormatter.Shape(answer);
                if (answer.shape.SequenceEqual(new[] { n, h }) && n > 1)
                    return Check.Wrong($"{where} your function returned shape {got}, one row per example: that is still ∂J/∂Z's shape. ∂J/∂b has the shape of b, ({h},), " +
                                       "and every example contributes to the same entries.");
                if (answer.shape.SequenceEqual(new[] { 1L, h }))
                    return Check.Wrong($"{where} your function returned shape {got}: the right numbers, perhaps, but with the summed axis kept (keepdim). b has shape ({h},).");
                if (answer.dim() == 0)
                    return Check.Wrong($"{where} your function returned a single number; ∂J/∂b has one entry per hidden unit, shape ({h},).");
            }
            if (Check.Returned(answer, new[] { h }, where, "∂J/∂b") is { } bad) return bad;
            var a64 = answer!.detach().to_type(ScalarType.Float64);
            double err = (a64 - expected).abs().max().item<double>();
            if (err <= 1e-9) continue;
            if (answer.dtype != ScalarType.Float64 && err <= 1e-4)
                return Check.Wrong($"{where} your function returned {TensorFormatter.DTypeName(answer.dtype)} for a float64 ∂J/∂Z, and the rounding to it " +
                                   $"shows (a difference of {err.ToString("G2", CultureInfo.InvariantCulture)}). Keep the input's dtype.");
            if ((a64 - expected / n).abs().max().item<double>() < 1e-9)
                return Check.Wrong($"{where} your function averages the examples' rows (it is {n} times too small). The 1/n of the mean loss is already inside ∂J/∂Z " +
                                   "(∂J/∂O = (softmax(O) − Y)/n); each example's row adds its full contribution to ∂J/∂b.");
            if (n == h && (a64 - gradZ.sum(1)).abs().max().item<double>() < 1e-9)
                return Check.Wrong($"{where} your function adds up the entries of each example's row, across the hidden units. b has one entry per hidden unit, " +
                                   "and entry k collects what every example contributes to unit k.");
            if (n == h && (a64 - gradZ.mean([1])).abs().max().item<double>() < 1e-9)
                return Check.Wrong($"{where} your function averages each example's row, across the hidden units. b has one entry per hidden unit, " +
                                   "and entry k collects what every example contributes to unit k.");
            return Check.Tensor(a64, expected, $"∂J/∂b {where.TrimEnd(',')}", tolerance: 1e-9, hint: hint);
        }
        return Check.Right("∂J/∂b = Σᵢ ∂J/∂zᵢ, the column sums of ∂J/∂Z, matches autograd on all three networks: b is added to every example's z, " +
                           "so its gradient collects every example's contribution. (The penalty adds nothing: b is not in it.) " + SquareCasesNote);
    });
}

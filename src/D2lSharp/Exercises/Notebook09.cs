using System.Globalization;
using D2lSharp.Display;
using static TorchSharp.torch;

namespace D2lSharp.Exercises;

/// <summary>
/// Checkers for the exercises of notebook 09 (multilayer perceptron). They never throw on a wrong or missing answer;
/// a hint is shown only after a wrong answer.
/// </summary>
public static class Notebook09
{
    static string G(double v) => v.ToString("G6", CultureInfo.InvariantCulture);

    /// <summary>Exercise 1: parameters of an MLP 3072-512-128-100 (two hidden layers), biases included.</summary>
    public static Feedback Exercise1(long? answer) => Check.Guard(() =>
    {
        const string question = "how many parameters (weights and biases) does the MLP 3072 → 512 → 128 → 100 have?";
        if (answer is null) return Check.Pending(question);
        const long weights = 3072L * 512 + 512L * 128 + 128L * 100, biases = 512 + 128 + 100;
        if (answer == weights)
            return Check.Wrong($"{answer} counts only the weights; each of the {biases} units of the three layers also has a bias.");
        if (answer == 3072L * 512 + 512 + 512L * 128 + 128)
            return Check.Wrong($"{answer} leaves out the output layer (128 → 100): it has weights and biases too.");
        return Check.Exact(answer, weights + biases, "the number of parameters",
            hint: "count layer by layer: a fully connected layer from a inputs to b units has a × b weights and b biases; add the three layers");
    });

    /// <summary>Exercise 2: the shape of a hidden layer's output for a minibatch of 64 examples with 20 features and 32 hidden units.</summary>
    public static Feedback Exercise2(long[]? answer) => Check.Guard(() =>
    {
        if (answer is null)
            return Check.Pending("what is the shape of the output of a hidden layer with 32 units (nn.Linear(20, 32)) for a minibatch X of shape 64 × 20?");
        if (answer.SequenceEqual(new long[] { 32, 64 }))
            return Check.Wrong("32 × 64 has the right numbers in the wrong order: rows of X are examples, and the layer keeps one row per example.");
        if (answer.SequenceEqual(new long[] { 20, 32 }) || answer.SequenceEqual(new long[] { 32, 20 }))
            return Check.Wrong($"{TensorFormatter.ShapeText(answer)} is the shape of the layer's weight, not of its output. Hint: every example gets one number from every unit.");
        return Check.Shape(answer, [64, 32], "the hidden layer's output shape",
            hint: "every unit computes one number per example; stack those numbers with one row per example");
    });

    /// <summary>The two small layers of exercise 3: h = W1 x + b1 (3 units from 2 inputs), o = W2 h + b2 (1 output).</summary>
    public static (Tensor W1, Tensor b1, Tensor W2, Tensor b2) Exercise3Layers() =>
        (tensor(new double[,] { { 1, -1 }, { 2, 0 }, { 0, 3 } }), tensor(new double[] { 1, -2, 0.5 }),
         tensor(new double[,] { { 2, 1, -1 } }), tensor(new double[] { 4 }));

    /// <summary>Exercise 3: the single affine map W x + b equal to two stacked linear layers without an activation.</summary>
    public static Feedback Exercise3(Tensor? W, Tensor? b) => Check.Guard(() =>
    {
        if (W is null || b is null)
            return Check.Pending("give the weight W (shape 1 × 2) and the bias b (shape 1) of the one linear layer that computes the same outputs as the two layers.");
        using var scope = NewDisposeScope();
        var (W1, b1, W2, b2) = Exercise3Layers();
        var expectedW = W2.mm(W1);
        var expectedB = W2.mv(b1) + b2;
        if ((Check.Unusable(W, "W") ?? Check.Unusable(b, "b")) is { } unusable) return unusable;
        const string hint = "substitute h = W1·x + b1 into o = W2·h + b2 and multiply out: the part that multiplies x is the weight, the rest is the bias";
        var wCheck = Check.Tensor(W, expectedW, "W", tolerance: 1e-6, hint: hint);
        if (wCheck.Correct != true)
        {
            if (W.shape.SequenceEqual(new long[] { 2, 1 }))
                return Check.Wrong("W should have shape 1 × 2 (outputs × inputs, like nn.Linear's weight); yours is 2 × 1. Hint: the product that maps x to o has as many rows as W2.");
            return wCheck;
        }
        if (b.numel() == 1 && b.dim() != 1) b = b.reshape(1);
        if (b.numel() == 1 && Math.Abs(b.detach().to_type(ScalarType.Float64).item<double>() - b2.item<double>()) < 1e-9)
            return Check.Wrong("W is right; b is only the second layer's bias. Hint: the first layer's bias b1 also passes through W2.");
        var bCheck = Check.Tensor(b, expectedB, "b", tolerance: 1e-6, hint: hint);
        return bCheck.Correct == true
            ? Check.Right($"W = {G(expectedW[0, 0].item<double>())}, {G(expectedW[0, 1].item<double>())} and b = {G(expectedB[0].item<double>())}: the two layers are one affine map.")
            : Check.Wrong($"W is right, b is not. Hint: {hint}.");
    });

    /// <summary>
    /// Exercise 4: the derivative of the Swish activation swish(x) = x · sigmoid(x) written without autograd,
    /// checked against autograd on many points. The lesson shows sigmoid′ and tanh′ but not this one: it takes the product rule.
    /// </summary>
    public static Feedback Exercise4(Func<Tensor, Tensor>? derivative) => Check.Guard(() =>
    {
        if (derivative is null)
            return Check.Pending("write the derivative of swish(x) = x · sigmoid(x) as a function of a tensor x, without autograd (x => ...).");
        const string what = "the derivative";
        using var scope = NewDisposeScope();
        var x = linspace(-5, 5, 41, dtype: ScalarType.Float64).requires_grad_();
        (x * x.sigmoid()).sum().backward();
        var expected = x.grad!.detach().clone();
        var input = x.detach().clone();

        int[] probes = [3, 12, 20, 29, 38];   // right on one-element inputs at these points? then a wrong answer mixes elements
        const string elementwise = "The derivative of an element-wise function";
        if (!Check.ElementwiseValues(derivative, input, expected, probes, what, elementwise, out var a, out var early)) return early;
        var err = (a - expected).abs();
        int worst = (int)err.argmax().item<long>();
        double maxErr = err.max().item<double>();
        if (maxErr <= 1e-5)
            return Check.Right($"your derivative matches autograd at 41 points in [−5, 5] (largest difference {maxErr.ToString("G3", CultureInfo.InvariantCulture)}).");
        if (Check.RightElementByElement(derivative, input, expected, probes))
            return Check.ElementwiseSlip(elementwise);
        var s = input.sigmoid();
        string where = $"at x = {G(input[worst].item<double>())} your function gives {G(a[worst].item<double>())}, autograd gives {G(expected[worst].item<double>())}. ";
        if ((a - s).abs().max().item<double>() <= 1e-5 || (a - s * (1 - s)).abs().max().item<double>() <= 1e-5 || (a - input * s * (1 - s)).abs().max().item<double>() <= 1e-5)
            return Check.Wrong(where + "Hint: swish is a product of two functions of x, and your answer keeps only one of the two terms of its derivative.");
        return Check.Wrong(where + "Hint: swish is a product x · sigmoid(x); differentiate it with the product rule, using sigmoid′(x) = sigmoid(x)(1 − sigmoid(x)) from the lesson.");
    });

    /// <summary>
    /// Exercise 5 (conceptual): which statements about activations, collapsing layers and the universal approximation theorem are
    /// true. (b) and (e) take a step past what the lesson shows: a collapse that leaves one activation in place, and the shape of
    /// what a ReLU network computes.
    /// </summary>
    public static Feedback Exercise5(string? answer) =>
        Check.Choice(answer, "be", "the true statements", new Dictionary<char, string>
        {
            ['a'] = "without an activation the ten layers are one affine map, however wide, and an affine map's decision boundary is a straight line, which cannot separate XOR",
            ['c'] = "the theorem promises some finite width for each function and tolerance, not one width for all of them: 1000 ReLU units draw a broken line with at most 1000 bends, and a curve that wiggles thousands of times on [−3, 3] needs more",
            ['d'] = "ReLU(x) = max(x, 0) has no parameters (pReLU has one, α); the weights are in the linear layers",
        }, hint: "test each statement against what the lesson computed: how linear layers with nothing between them collapse, what ReLU's graph looks like, and what the theorem says exists");

    /// <summary>pReLU(x) = max(0, x) + α·min(0, x), written with autograd-friendly operations (the value of α does not matter for ∂/∂α).</summary>
    static Tensor PRelu(Tensor x, Tensor alpha) => x.clamp_min(0) + alpha * x.clamp_max(0);

    /// <summary>
    /// Exercise 6: the derivative of pReLU(x) = max(0, x) + α·min(0, x) with respect to its parameter α, element-wise, written
    /// without autograd and checked against autograd at 25 points in [−3, 3]. The lesson shows the derivative with respect to x;
    /// this is the one SGD needs to learn α (nn.PReLU).
    /// </summary>
    public static Feedback Exercise6(Func<Tensor, Tensor>? derivative) => Check.Guard(() =>
    {
        if (derivative is null)
            return Check.Pending("write ∂pReLU(x)/∂α, the derivative of pReLU(x) = max(0, x) + α·min(0, x) with respect to α, as a function of a tensor x (x => ...), without autograd.");
        const string what = "∂pReLU/∂α";
        using var scope = NewDisposeScope();
        var input = linspace(-3, 3, 25, dtype: ScalarType.Float64);   // steps of 0.25, x = 0 included
        var alpha = full_like(input, 0.25).requires_grad_();                // one α per element, so its gradient is per element
        PRelu(input, alpha).sum().backward();
        var expected = alpha.grad!.detach().clone();

        int[] probes = [2, 7, 12, 17, 22];     // as in exercise 4
        const string elementwise = "A derivative of an element-wise function";
        if (!Check.ElementwiseValues(derivative, input, expected, probes, what, elementwise, out var a, out var early)) return early;
        double maxErr = (a - expected).abs().max().item<double>();
        if (maxErr <= 1e-5)
            return Check.Right($"your ∂pReLU/∂α matches autograd at 25 points in [−3, 3]: min(0, x), so a negative input tells SGD how to move α and a positive one does not.");
        if (Check.RightElementByElement(derivative, input, expected, probes))
            return Check.ElementwiseSlip(elementwise);

        double[] av = a.data<double>().ToArray(), xv = input.data<double>().ToArray();
        bool All(Func<double, double, bool> ok) => av.Zip(xv).All(p => ok(p.First, p.Second));
        bool Near(double u, double v) => Math.Abs(u - v) <= 1e-5;
        int worst = (int)(a - expected).abs().argmax().item<long>();
        string where = $"at x = {G(xv[worst])} your function gives {G(av[worst])}, autograd gives {G(expected[worst].item<double>())}. ";
        const string hint = "hold x fixed and look at max(0, x) + α·min(0, x) as a function of α alone: which term changes with α, and at what rate?";

        double negSlope = av[0] / xv[0];   // a / x at x = −3
        if (All((v, x) => x > 0 ? Near(v, 1) : x < 0 ? Near(v, av[0]) : true))
            return Check.Wrong(where + "That is the derivative with respect to x, the slope of pReLU's graph. The exercise asks how pReLU(x) changes when α changes and x stays fixed.");
        if (All((v, x) => Near(v, Math.Max(0, x))))
            return Check.Wrong(where + "max(0, x) is the part of pReLU that does not contain α, so it does not change with α. Hint: " + hint);
        if (All((v, x) => Near(v, x < 0 ? 1 : 0)))
            return Check.Wrong(where + "For x < 0 your derivative is 1, but α is multiplied by min(0, x), and the derivative of α·c with respect to α is c itself.");
        if (All((v, x) => Near(v, x)))
            return Check.Wrong(where + "Right for x ≤ 0, but for x > 0 pReLU(x) = x does not depend on α at all.");
        if (Math.Abs(negSlope) > 1e-9 && All((v, x) => Near(v, x < 0 ? negSlope * x : 0)))
            return Near(negSlope, -1)
                ? Check.Wrong(where + "The sign is flipped: for x < 0, min(0, x) is x itself, a negative number.")
                : Check.Wrong(where + $"Your values are {G(negSlope)} × the right ones: the derivative of α·c with respect to α is c, with no factor α left in it.");
        return Check.Wrong(where + "Hint: " + hint);
    });
}

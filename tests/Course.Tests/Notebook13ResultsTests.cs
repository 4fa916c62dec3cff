namespace Course.Tests;

/// <summary>
/// The claims notebook 13's prose makes about its own run, read from the values the executed copy recorded (Course.Record):
/// if a change (or a new TorchSharp) moves these results, the prose no longer matches and this test says which claim broke.
/// Text is matched exactly only where the text itself is the point (a printed tensor).
/// </summary>
public class Notebook13ResultsTests
{
    [Fact]
    public async Task Executed_notebook_13_shows_the_results_its_prose_describes()
    {
        var executed = await ExecutedCourse.LoadAsync("13-numerical-stability.ipynb");
        double R(string name) => CourseFiles.Notebook.Record(executed, name);

        // Exploding products: the norm grows geometrically, float32 cannot even hold the norm, and the entries overflow later.
        Assert.InRange(R("Frobenius norm: 101 matrices"), 1e20, 1e30);
        Assert.InRange(R("Frobenius norm: growth per factor"), 1.5, 2.0);
        Assert.True(double.IsPositiveInfinity(R("the same norm computed in float32")), "the float32 norm of the product should overflow to ∞");
        double firstInf = R("factors in the product: at the first ±∞"), firstNaN = R("factors in the product: at the first NaN");
        Assert.InRange(firstInf, 102, 300);
        Assert.InRange(firstNaN, firstInf, 300);

        // Sigmoid vs ReLU through 15 layers with the same weights: the same gradient enters at the top; the sigmoid net's backward
        // signal vanishes, the ReLU net's does not; the sigmoid net's weight gradient has its extra step at layer 1 only.
        Assert.Equal(1.0, R("sigmoid net: ‖∂L/∂h‖ layer 15"), 5);
        Assert.Equal(1.0, R("ReLU net: ‖∂L/∂h‖ layer 15"), 5);
        Assert.True(R("sigmoid net: ‖∂L/∂h‖ layer 1") < 1e-5, "the sigmoid net's backward signal should vanish");
        Assert.True(R("sigmoid net: ‖∂L/∂W‖ layer 1") / R("sigmoid net: ‖∂L/∂W‖ layer 15") < 1e-6, "the sigmoid net's first-layer weight gradient should vanish");
        Assert.InRange(R("sigmoid net: ‖∂L/∂h‖ layer 2") / R("sigmoid net: ‖∂L/∂h‖ layer 1"), 2, 5);      // no step in the backward signal
        Assert.InRange(R("sigmoid net: ‖∂L/∂W‖ layer 2") / R("sigmoid net: ‖∂L/∂W‖ layer 1"), 10, 100);   // a step in the weight gradient
        Assert.InRange(R("sigmoid net, mean output of a layer: lowest"), 0.4, 0.5);
        Assert.InRange(R("sigmoid net, mean output of a layer: highest"), 0.5, 0.6);
        Assert.InRange(R("ReLU net: ‖∂L/∂h‖ layer 1"), 1, 10);
        Assert.InRange(R("ReLU net: ‖∂L/∂W‖ layer 1") / R("ReLU net: ‖∂L/∂W‖ layer 15"), 0.05, 20);

        // ReLU's derivative at 0 as autograd returns it (the printed tensor is the point), and a dead unit gets exactly no gradient.
        var text = ExecutedCourse.AllText(executed);
        Assert.Contains("d relu/dx  = [0., 0., 0., 0., 1., 1., 1.]", text);
        Assert.Equal(0, R("healthy layer: units at 0 for all 256 examples"));
        Assert.InRange(R("healthy layer: share of (example, unit) pairs at 0"), 0.45, 0.55);
        Assert.Equal(256, R("after bias[0] = −10: examples where unit 0 outputs 0"));
        Assert.Equal(0, R("after bias[0] = −10: ‖gradient of unit 0's weights‖"));
        Assert.Equal(0, R("after bias[0] = −10: gradient of its bias"));
        Assert.True(R("after bias[0] = −10: mean ‖gradient‖ of the other units' weights") > 1);

        // Symmetry: constant initialization keeps the hidden rows identical and fails XOR; random initialization learns it; reordering
        // the trained net's hidden units changes its outputs only by float32 rounding.
        Assert.Equal(0, R("all parameters 0.3: largest difference between a hidden weight row and row 0"));
        Assert.Equal(0.55, R("all parameters 0.3: training accuracy"), 6);
        Assert.True(R("random (default) init: training accuracy") > 0.9);
        Assert.True(R("random (default) init: largest difference between a hidden weight row and row 0") > 0.5);
        Assert.True(R("trained net vs its units reordered: largest difference of the 200 logits")
                    < 1e-5 * R("trained net vs its units reordered: largest |logit|"));

        // The small normal has standard deviation 0.01, variance 1e-4 (not 0.01).
        Assert.InRange(R("normal_(0, 0.01): sample variance"), 0.9e-4, 1.1e-4);
        Assert.InRange(R("measured: forward Var[o]"), 0.6, 0.68);           // n_in·σ² = 0.64
        Assert.InRange(R("measured: backward Var[∂L/∂x]"), 0.15, 0.17);     // n_out·σ² = 0.16

        // TorchSharp 0.107's xavier_normal_ samples the uniform distribution (the prose says so; a fixed TorchSharp breaks this).
        double xavierBound = Math.Sqrt(6.0 / (784 + 256));
        Assert.InRange(R("nn.init.xavier_normal_: std"), 0.0430, 0.0447);
        Assert.InRange(-R("nn.init.xavier_normal_: min"), 0.99 * xavierBound, xavierBound * (1 + 1e-6));
        Assert.InRange(R("nn.init.xavier_normal_: max"), 0.99 * xavierBound, xavierBound * (1 + 1e-6));
        Assert.Equal(0, R("nn.init.xavier_normal_: % beyond ±2σ"));
        Assert.InRange(R("nn.init.xavier_normal_: % within ±σ"), 56.0, 59.5);    // uniform 57.74 %, normal 68.27 %
        Assert.True(R("from scratch, normal: % beyond ±2σ") > 3);
        Assert.InRange(R("from scratch, normal: % within ±σ"), 66.5, 70.0);

        // The default nn.Linear init is U(-1/sqrt(n_in), 1/sqrt(n_in)).
        double bound = 1 / Math.Sqrt(784);
        Assert.InRange(-R("nn.Linear weight: min"), 0.99 * bound, bound * (1 + 1e-6));
        Assert.InRange(R("nn.Linear weight: max"), 0.99 * bound, bound * (1 + 1e-6));
        Assert.InRange(R("nn.Linear weight: std"), 0.0200, 0.0210);          // 1/√(3·784) = 0.02062

        // Through 15 tanh layers: the small normal loses the signal, Xavier and Kaiming keep it of order 1.
        Assert.True(R("tanh, small normal N(0, 0.01²): layer 15") < 1e-9);
        Assert.InRange(R("tanh, Xavier normal (from scratch): layer 15"), 0.05, 1);
        Assert.InRange(R("tanh, Kaiming N(0, 2/n_in): layer 15"), 0.3, 1);

        // The slider's sigmoid frame at σ = 0.5: the backward signal survives, with nearly saturated outputs.
        Assert.InRange(R("sigmoid net, σ = 0.5: ‖∂L/∂h‖ layer 1"), 0.05, 5);
        Assert.InRange(R("sigmoid net, σ = 0.5: output std at layer 15"), 0.35, 0.5);

        // σ(z) = ½ + ½·tanh(z/2): the sigmoid net with 4× Xavier weights (2× in layer 1) and mean-cancelling biases is the Xavier tanh
        // net rescaled: outputs agree up to float32 rounding, the gradient at layer 1's output is the same, the signal keeps its scale.
        Assert.True(R("15 layers: largest |sigmoid net − (½ + ½·tanh net)|") < 1e-4, "the sigmoid net should compute ½ + ½·(the tanh net)");
        double tanhGrad = R("15 layers: ‖∂L/∂h₁‖ tanh net");
        Assert.InRange(R("15 layers: ‖∂L/∂h₁‖ sigmoid net"), tanhGrad * (1 - 1e-3), tanhGrad * (1 + 1e-3));
        Assert.InRange(tanhGrad, 0.05, 5);
        Assert.InRange(R("15 layers: std of the tanh net's output"), 0.05, 1);

        // Beyond Xavier: a product of orthogonal matrices keeps its norm (2 for 4 × 4) exactly, up to float32 rounding.
        Assert.Equal(2.0, R("101 factors orthogonal_: Frobenius norm of the product"), 3);
        Assert.True(R("101 factors N(0, 1/4): Frobenius norm of the product") < 1e-2);
    }
}

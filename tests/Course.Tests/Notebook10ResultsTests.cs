using System.Text.Json.Nodes;
using CourseFiles;

namespace Course.Tests;

/// <summary>
/// The claims notebook 10's prose rests on, read from the values its executed copy recorded: SGD on 20 features overfits only mildly
/// because it hardly moves along the flat directions, cross-validation picks a model near the true degree, weight decay cuts the test
/// loss by removing exactly the weight the training data cannot see, ridge regression has a best λ between too little and too much,
/// and L1 leaves far more weights near 0 than L2.
/// </summary>
public class Notebook10ResultsTests
{
    static Task<JsonObject> Executed() => ExecutedCourse.LoadAsync("10-overfitting-and-regularization.ipynb");

    [Fact]
    public async Task The_polynomial_fits_underfit_fit_and_overfit_mildly_and_SGD_stays_far_from_least_squares()
    {
        var nb = await Executed();
        double R(string name) => Notebook.Record(nb, name);
        Assert.True(R("2 features: train loss") > 100 * 0.01, "the straight line should stay far above the noise level 0.01");
        Assert.InRange(R("4 features: train loss"), 0.005, 0.015);
        Assert.InRange(R("4 features: test loss"), 0.005, 0.02);
        // 1500 epochs: the training loss keeps falling past the test loss's lowest point, and the test loss ends above the true model's
        Assert.True(R("20 features: test loss") > R("20 features, lowest test loss: test loss"), "the 20-feature test loss should rise after its lowest point");
        Assert.InRange(R("20 features, lowest test loss: epoch"), 100, 1000);
        // ... but not monotonically: it climbs to a high point and falls again before epoch 1500.
        Assert.True(R("20 features, highest test loss after that: test loss") > R("20 features: test loss"), "the test loss should fall again after its high point");
        Assert.InRange(R("20 features, highest test loss after that: epoch"), R("20 features, lowest test loss: epoch") + 100, 1400);
        Assert.True(R("20 features: test loss") > R("4 features: test loss"), "20 features should generalize worse than 4");
        Assert.True(R("20 features: test loss") < 10 * R("4 features: test loss"), "SGD's 20-feature fit should overfit only mildly");
        Assert.True(R("directions where SGD went less than 1 % of the way in 1500 epochs") >= 10);
        Assert.True(R("largest move of w₁₂ … w₁₉ from their start") < 0.005, "the weights of the tiny features should hardly move");
        Assert.True(R("‖w‖: least squares") > 1e6 * R("‖w‖: SGD after 1500 epochs"), "least squares needs weights far larger than SGD's");
        Assert.InRange(R("cross-validation picks: features"), 4, 6);
        Assert.True(R("cross-validation picks: test MSE") < 0.02);
    }

    [Fact]
    public async Task Weight_decay_removes_the_unseen_part_of_w_and_the_test_loss_is_the_distance_from_the_truth()
    {
        var nb = await Executed();
        double R(string name) => Notebook.Record(nb, name);
        Assert.True(R("λ = 3 at epoch 100: test loss") < R("λ = 0 at epoch 100: test loss") / 100, "λ = 3 should cut d2l's test loss a hundredfold");
        Assert.True(R("λ = 3 at epoch 100: ‖w‖") < R("λ = 0 at epoch 100: ‖w‖") / 10);

        const string noDecay = "N(0, 1) start, λ = 0, 500 epochs", decayed = "N(0, 1) start, λ = 3, 500 epochs",
            zeroDecayed = "zero start, λ = 3, 500 epochs", zeroPlain = "zero start, λ = 0, 500 epochs";
        // Without decay the N(0, 1) start's unseen part is all of ‖w‖ and never shrinks; with λ = 3 it is gone after 500 epochs.
        Assert.True(R($"{noDecay}: unseen part") > 10 && R($"{noDecay}: unseen part") > 0.99 * R($"{noDecay}: ‖w‖"));
        Assert.True(R($"{decayed}: unseen part") < 1e-5, "with λ = 3 the unseen part should have decayed away");
        Assert.True(R($"{zeroPlain}: unseen part") < 1e-5, "from w = 0 SGD should never leave the span of the examples");
        // Close to, but not at, the exact minimum of loss + 3/2·‖w‖²: both λ = 3 runs end at nearly the same ‖w‖, the zero start is
        // still closing in between epochs 400 and 500, and the N(0, 1) start is farther away.
        Assert.InRange(R($"{decayed}: ‖w‖") / R($"{zeroDecayed}: ‖w‖"), 0.9, 1.1);
        const string exact = "exact minimum of the λ = 3 objective";
        Assert.InRange(R($"{exact}: ‖w‖") / R($"{zeroDecayed}: ‖w‖"), 0.9, 1.1);
        Assert.True(R($"{exact}: zero start at 500 epochs, distance from it") < R($"{exact}: zero start at 400 epochs, distance from it"));
        Assert.True(R($"{exact}: zero start at 500 epochs, distance from it") < 0.2 * R($"{exact}: ‖w‖"));
        Assert.InRange(R($"{exact}: N(0, 1) start at 500 epochs, distance from it") / R($"{exact}: ‖w‖"), 0.1, 0.6);
        Assert.InRange(R($"{decayed}: ‖w‖"), 0.02, 0.05);
        // The test loss follows ½(‖w − w*‖² + (b − b*)² + σ²), measured on only 100 test examples.
        foreach (var run in new[] { noDecay, decayed, zeroDecayed, zeroPlain })
            Assert.InRange(R($"{run}: test loss") / R($"{run}: expected test loss"), 0.6, 1.6);
        Assert.True(R($"{noDecay}: test loss") > 1000 * R($"{decayed}: test loss"));

        Assert.True(R("weight_decay = 3: test MSE") < R("weight_decay = 0: test MSE") / 100, "the optimizer's weight_decay should cut the test MSE too");
    }

    [Fact]
    public async Task Ridge_regression_on_the_polynomial_has_a_best_lambda_between_the_wild_fit_and_the_flat_one()
    {
        var nb = await Executed();
        double R(string name) => Notebook.Record(nb, name);
        Assert.True(R("ridge, test MSE: λ = 1e-4") < 0.02, "a moderate λ should bring the 20-feature test MSE to the noise level");
        Assert.True(R("ridge, test MSE: λ = 0") > 100 * R("ridge, test MSE: λ = 1e-4"), "least squares should overfit wildly");
        Assert.True(R("ridge, test MSE: λ = 10") > 10 * R("ridge, test MSE: λ = 1e-4"), "too much penalty should underfit");
        Assert.True(R("ridge, turning points: λ = 0") >= 1, "the least-squares curve should turn where the cubic does not");
        Assert.Equal(0, R("ridge, turning points: largest for λ > 0"));
    }

    [Fact]
    public async Task L1_leaves_far_more_weights_near_zero_than_L2_at_a_similar_test_loss()
    {
        var nb = await Executed();
        double R(string name) => Notebook.Record(nb, name);
        Assert.True(R("L1, λ = 0.03: weights near 0") > 2 * R("L2, λ = 3: weights near 0"),
            $"L1 should leave far more weights near 0 than L2: {R("L1, λ = 0.03: weights near 0")} vs {R("L2, λ = 3: weights near 0")}");
        Assert.True(R("L1, λ = 0.03: largest |w|") > 2 * R("L2, λ = 3: largest |w|"), "L1's few remaining weights should be larger than L2's");
        Assert.True(R("L1, λ = 0.03: ‖w‖₁") < R("L2, λ = 3: ‖w‖₁"));
        Assert.InRange(R("L1, λ = 0.03: test loss") / R("L2, λ = 3: test loss"), 0.7, 1.4);
    }
}

using System.Text.Json.Nodes;
using CourseFiles;

namespace Course.Tests;

/// <summary>
/// Results notebook 12 states in its prose, read back from the values its executed copy recorded: the hand-written backward pass
/// agrees with autograd (and with a numerical gradient) on gradients that are not trivially small, one SGD step with those
/// gradients lowers the objective, and a training forward pass keeps what the count predicts while inference keeps next to nothing.
/// </summary>
public class Notebook12ResultsTests
{
    const string Name = "12-forward-and-backward-propagation.ipynb";

    static double Recorded(JsonObject executed, string name)
    {
        double value = Notebook.Record(executed, name);
        Assert.False(double.IsNaN(value), $"'{name}' is recorded as NaN in the executed copy of {Name}");
        return value;
    }

    [Fact]
    public async Task Hand_written_backward_agrees_with_autograd_in_float64()
    {
        var executed = await ExecutedCourse.LoadAsync(Name);

        Assert.InRange(Recorded(executed, "max |hand − autograd|: ∂J/∂W1"), 0, 1e-12);
        Assert.InRange(Recorded(executed, "max |hand − autograd|: ∂J/∂W2"), 0, 1e-12);

        // the agreement means something only if the gradients themselves are not tiny
        foreach (var w in new[] { "∂J/∂W1", "∂J/∂W2" })
        {
            double largest = Recorded(executed, $"largest entries: {w}");
            Assert.True(largest > 1e-3, $"largest entry of {w} is {largest}; an agreement to 1e-12 on gradients this small would say little");
        }

        // the independent check: a float64 central difference agrees to its own accuracy, far coarser than autograd's
        Assert.InRange(Recorded(executed, "max |hand − numerical|: ∂J/∂W1"), 0, 1e-7);

        // float32 rounding shows, at the order of float32's epsilon times the gradients' size, and no more
        foreach (var w in new[] { "∂J/∂W1", "∂J/∂W2" })
            Assert.InRange(Recorded(executed, $"float32 hand-written vs float64 autograd: {w}"), 1e-12, 1e-6);
    }

    [Fact]
    public async Task One_SGD_step_with_the_hand_written_gradients_lowers_the_objective()
    {
        var executed = await ExecutedCourse.LoadAsync(Name);
        double L = Recorded(executed, "forward pass: L"), s = Recorded(executed, "forward pass: s"), J = Recorded(executed, "forward pass: J");
        Assert.Equal(L + s, J, 12);

        double before = Recorded(executed, "one SGD step: J before");
        double after = Recorded(executed, "one SGD step: J after");
        double predicted = Recorded(executed, "one SGD step: first-order prediction");
        Assert.Equal(J, before, 12);
        Assert.True(after < before, $"the SGD step should lower J: {before} → {after}");
        // the prose: the tangent promises a larger drop than the step delivers (J bends upward along it), but the same order of drop
        Assert.True(predicted < after, $"the first-order prediction {predicted} should lie below the actual {after}");
        Assert.True(before - after > 0.5 * (before - predicted), $"the actual drop {before - after} should be of the order of the predicted {before - predicted}");
    }

    [Fact]
    public async Task Training_keeps_the_counted_values_and_inference_keeps_next_to_nothing()
    {
        var executed = await ExecutedCourse.LoadAsync(Name);

        // the instrument: a new tensor's bytes show up on the C heap
        Assert.Equal(Recorded(executed, "a new 2500 × 100 float32 tensor (MB): counted"),
                     Recorded(executed, "a new 2500 × 100 float32 tensor (MB): heap grows by"), 0.1 + 1e-9);

        var labels = new[] { "one hidden layer (MB)", "1 hidden layer (MB)", "2 hidden layers (MB)", "3 hidden layers (MB)", "4 hidden layers (MB)" };
        double previous = 0;
        foreach (var label in labels)
        {
            double counted = Recorded(executed, $"{label}: counted");
            double training = Recorded(executed, $"{label}: training keeps");
            double inference = Recorded(executed, $"{label}: inference keeps");
            Assert.True(Math.Abs(training - counted) <= 0.1 + 1e-9, $"{label}: training keeps {training} MB, the count says {counted} MB");
            Assert.True(inference < 0.1, $"{label}: inference keeps {inference} MB; the prose says less than 0.1 MB");
            if (label != labels[0])
            {
                if (previous > 0) Assert.Equal(1.0, counted - previous, 6);   // 1 MB more per hidden layer
                previous = counted;
            }
        }
    }
}

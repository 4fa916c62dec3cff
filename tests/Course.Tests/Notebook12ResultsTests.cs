using System.Globalization;
using System.Text.RegularExpressions;

namespace Course.Tests;

/// <summary>
/// Results notebook 12 states in its prose, read back from its executed copy: the hand-written backward pass agrees with
/// autograd (and with a numerical gradient) on gradients that are not trivially small.
/// </summary>
public class Notebook12ResultsTests
{
    const string Name = "12-forward-and-backward-propagation.ipynb";

    /// <summary>The two numbers of the printed line that starts with <paramref name="label"/>, "... ∂J/∂W1: a ... ∂J/∂W2: b".</summary>
    static (double W1, double W2) Pair(string text, string label)
    {
        var m = Regex.Match(text, Regex.Escape(label) + @"\s+∂J/∂W1:\s*(\S+)\s+∂J/∂W2:\s*(\S+)\s*$", RegexOptions.Multiline);
        Assert.True(m.Success, $"the executed copy of {Name} has no line \"{label}  ∂J/∂W1: …   ∂J/∂W2: …\"");
        return (Parse(m.Groups[1].Value), Parse(m.Groups[2].Value));
    }

    static double Parse(string s)
    {
        Assert.True(double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double v), $"'{s}' is not a number");
        Assert.False(double.IsNaN(v), $"'{s}' is NaN");
        return v;
    }

    [Fact]
    public async Task Hand_written_backward_agrees_with_autograd_in_float64()
    {
        var text = ExecutedCourse.AllText(await ExecutedCourse.LoadAsync(Name));

        var (diff1, diff2) = Pair(text, "max |hand − autograd|");
        Assert.InRange(diff1, 0, 1e-12);
        Assert.InRange(diff2, 0, 1e-12);

        // the agreement means something only if the gradients themselves are not tiny
        var (largest1, largest2) = Pair(text, "largest entries");
        Assert.True(largest1 > 1e-3, $"largest entry of ∂J/∂W1 is {largest1}; an agreement to 1e-12 on gradients this small would say little");
        Assert.True(largest2 > 1e-3, $"largest entry of ∂J/∂W2 is {largest2}; an agreement to 1e-12 on gradients this small would say little");

        // the independent check: a float64 central difference agrees to its own accuracy, far coarser than autograd's
        var m = Regex.Match(text, @"max \|hand − numerical\| ∂J/∂W1:\s*(\S+)\s*$", RegexOptions.Multiline);
        Assert.True(m.Success, "the executed copy has no line \"max |hand − numerical| ∂J/∂W1: …\"");
        Assert.InRange(Parse(m.Groups[1].Value), 0, 1e-7);
    }
}

namespace Course.Tests;

/// <summary>What the program-versus-notebook comparison masks, on small texts: timings and their column padding, ratios of
/// timings, memory lines; every other number must still agree.</summary>
public class ProgramOutputsRuleTests
{
    static string Mask(string text) => ProgramOutputs.MaskMeasurements(text);

    [Fact]
    public void A_timing_column_of_any_width_masks_alike()
    {
        Assert.Equal(Mask("784-256-10           203530          9.8 s"), Mask("784-256-10           203530         12.3 s"));
        Assert.Equal(Mask("epoch 1 took 0.93 s, loss 0.512"), Mask("epoch 1 took 12 ms, loss 0.512"));
    }

    [Fact]
    public void Numbers_that_are_not_measurements_still_differ()
    {
        Assert.NotEqual(Mask("784-256-10           203530          9.8 s"), Mask("784-256-10           203531          9.8 s"));
        Assert.NotEqual(Mask("epoch 1 took 0.93 s, loss 0.512"), Mask("epoch 1 took 0.93 s, loss 0.513"));
        Assert.NotEqual(Mask("3 steps"), Mask("4 steps")); // "s" only counts as a unit after a number and a single blank
    }

    [Fact]
    public void Ratios_of_timings_and_memory_lines_mask()
    {
        Assert.Equal(Mask("about 67,551× faster"), Mask("about 1,200× faster"));
        Assert.Equal(Mask("peak 4.361 MB at 3 layers"), Mask("peak 5.002 MB at 4 layers"));
    }
}

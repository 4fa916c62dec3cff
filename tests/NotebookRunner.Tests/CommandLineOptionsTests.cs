using NotebookRunner;

namespace NotebookRunner.Tests;

public class CommandLineOptionsTests
{
    [Fact]
    public void Env_is_repeatable_and_keeps_everything_after_the_first_equals_sign()
    {
        var o = CommandLineOptions.Parse(["01", "--env", "ATEN_CPU_CAPABILITY=avx2", "--env", "MKL_ENABLE_INSTRUCTIONS=AVX2", "--env", "X=a=b", "--jobs", "2", "07"]);
        Assert.Null(o.Error);
        Assert.Equal(["01", "07"], o.Names);
        Assert.Equal(2, o.Jobs);
        Assert.Equal("avx2", o.Environment["ATEN_CPU_CAPABILITY"]);
        Assert.Equal("AVX2", o.Environment["MKL_ENABLE_INSTRUCTIONS"]);
        Assert.Equal("a=b", o.Environment["X"]);
    }

    [Theory]
    [InlineData("--env", "NOEQUALS", "--env needs NAME=VALUE")]
    [InlineData("--env", "=value", "--env needs NAME=VALUE")]
    [InlineData("--timeout", "soon", "--timeout needs a number of minutes")]
    [InlineData("--jobs", "0", "--jobs needs a whole number of at least 1")]
    [InlineData("--frobnicate", "1", "Unknown option '--frobnicate'")]
    public void A_bad_argument_is_named_instead_of_crashing(string option, string value, string expected)
    {
        var o = CommandLineOptions.Parse([option, value]);
        Assert.StartsWith(expected, o.Error);
    }

    [Fact]
    public void Help_names_every_option()
    {
        foreach (var option in new[] { "--out", "--timeout", "--jobs", "--env" })
            Assert.Contains(option, CommandLineOptions.HelpText);
    }
}

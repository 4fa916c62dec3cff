using NotebookRunner;

namespace NotebookRunner.Tests;

/// <summary>How the runner says why a kernel died, from canned kernel logs (the shapes seen on this machine).</summary>
public class KernelExitTests
{
    // The head of what the kernel wrote when TorchSharp's matmul got a shape error (native frames shortened).
    const string MatmulLog = """
        info: some earlier line
        terminate called after throwing an instance of 'c10::Error'
          what():  mat1 and mat2 shapes cannot be multiplied (2x3 and 2x3)
        Exception raised from meta at /pytorch/aten/src/ATen/native/LinearAlgebra.cpp:204 (most recent call first):
        frame #0: c10::Error::Error(c10::SourceLocation, std::string) + 0xb0 (0x7fb7af6161a0 in libc10.so)
        frame #1: c10::detail::torchCheckFail(char const*, char const*, unsigned int, std::string const&) + 0xfa (0x7fb7af5a37e4 in libc10.so)
        frame #12: THSTensor_matmul + 0x26 (0x7fb79938c106 in libLibTorchSharp.so)
        frame #13: [0x7ff8a3101594]
        """;

    [Fact]
    public void A_libtorch_abort_gives_the_terminate_and_what_lines_without_frames_even_after_a_long_log()
    {
        string log = string.Concat(Enumerable.Repeat("noise from the kernel's start-up\n", 200)) + MatmulLog
                     + string.Concat(Enumerable.Range(14, 100).Select(i => $"frame #{i}: <unknown function> + 0x{i:x} (0x7f in libtorch_cpu.so)\n"));
        var exit = KernelExit.From(134, log);
        Assert.Equal("terminate called after throwing an instance of 'c10::Error'\n  what():  mat1 and mat2 shapes cannot be multiplied (2x3 and 2x3)", exit.Reason);
        Assert.Equal("exit code 134, killed by signal 6 (SIGABRT)", exit.Code);
    }

    [Fact]
    public void FailFast_gives_its_message_without_the_managed_stack()
    {
        const string log = "Process terminated.\nthe learner pulled the plug\n   at System.Environment.FailFast(System.String)\n   at Submission#1.<Initialize>()\n";
        Assert.Equal("Process terminated.\nthe learner pulled the plug", KernelExit.ReasonIn(log));
    }

    [Fact]
    public void Without_a_known_marker_the_last_lines_are_the_reason_and_an_empty_log_gives_none()
    {
        string log = string.Concat(Enumerable.Range(1, 12).Select(i => $"line {i}\n"));
        Assert.Equal(Enumerable.Range(3, 10).Select(i => $"line {i}"), KernelExit.ReasonIn(log).Split('\n'));
        Assert.Equal("", KernelExit.ReasonIn(""));
    }

    [Theory]
    [InlineData(137, "exit code 137, killed by signal 9 (SIGKILL)")]
    [InlineData(139, "exit code 139, killed by signal 11 (SIGSEGV)")]
    [InlineData(1, "exit code 1")]
    [InlineData(0, "exit code 0")]
    public void The_exit_code_is_always_a_number_and_a_signal_is_named(int code, string expected) =>
        Assert.Equal(expected, KernelExit.From(code, "").Code);
}

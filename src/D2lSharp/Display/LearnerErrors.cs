using System.Globalization;
using System.Text.RegularExpressions;
using TorchSharp;
using static TorchSharp.torch;

namespace D2lSharp.Display;

/// <summary>
/// Plumbing: turns libtorch's error messages into ones a learner can act on. libtorch puts 10–24 lines of native stack
/// frames under every message (c10 always appends them to <c>what()</c>, and no environment variable turns that off), and
/// some messages name internals ("mat1 and mat2", "index out of range in self") instead of the learner's tensors.
/// The course's own code calls <see cref="Explained"/> where such an error passes through it.
/// </summary>
public static partial class LearnerErrors
{
    /// <summary>
    /// The message without libtorch's native stack trace: drops the "Exception raised from …" line and every
    /// "frame #N: …" line after it; the message's own lines stay.
    /// </summary>
    public static string WithoutNativeFrames(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var kept = message.Replace("\r\n", "\n").Split('\n')
            .Where(l => !l.StartsWith("Exception raised from ", StringComparison.Ordinal) && !NativeFrame().IsMatch(l));
        return string.Join("\n", kept).TrimEnd();
    }

    /// <summary>
    /// What the learner can do about <paramref name="error"/>, in their terms, or null when the course knows nothing to add.
    /// <paramref name="input"/> is the batch a model was given, when the error came from running a
    /// model; it lets the explanation name the shapes (e.g. a (256, 28, 28) batch for a 784-input layer).
    /// </summary>
    public static string? Explain(Exception error, Tensor? input = null)
    {
        ArgumentNullException.ThrowIfNull(error);
        string message = error.Message;
        var mm = ShapesCannotBeMultiplied().Match(message);
        if (mm.Success)
        {
            long rows = Long(mm.Groups[1]), inner = Long(mm.Groups[2]), expected = Long(mm.Groups[3]);
            if (input is not null && !input.IsInvalid && input.dim() > 2)
            {
                long perExample = input.shape.Skip(1).Aggregate(1L, (a, b) => a * b);
                string shape = TensorFormatter.ShapeText(input.shape);
                return perExample == expected
                    ? $"The model got a batch of shape {shape}, but its layer multiplies rows of {expected} features. " +
                      $"Flatten each example into one row first: `X.reshape(-1, {expected})` gives ({input.shape[0]}, {expected}), " +
                      "or start the model with `nn.Flatten()`."
                    : $"The model got a batch of shape {shape}: {perExample} values per example, but its layer expects {expected} features. " +
                      $"Check the input size of the first layer (it should be {perExample}) and flatten each example with `nn.Flatten()`.";
            }
            return $"A ({rows} × {inner}) matrix times a ({expected} × …) one: the inner sizes {inner} and {expected} must be equal. " +
                   "Check the shapes (`.shape`); if the left one is a batch of images, flatten it to (examples, pixels) first.";
        }
        var dtypes = DifferentDTypes().Match(message);
        if (dtypes.Success)
        {
            string a = CName(dtypes.Groups[1].Value), b = CName(dtypes.Groups[2].Value);
            return $"The two tensors have different dtypes ({a} and {b}). Make both the same, usually float32: e.g. `x.to(float32)`.";
        }
        var expectedType = ExpectedScalarType().Match(message);
        var foundType = FoundDType().Match(message);
        if (expectedType.Success || foundType.Success)
        {
            string want = AtenName(expectedType.Success ? expectedType.Groups[1].Value : foundType.Groups[2].Value);
            string got = AtenName(expectedType.Success ? expectedType.Groups[2].Value : foundType.Groups[1].Value);
            return want == "int64"
                ? $"This operation needs class labels as int64 (whole numbers) but got {got}: convert them with `y.to(int64)`."
                : $"The tensors have different dtypes ({want} expected, {got} found). Make both the same, usually float32: e.g. `x.to(float32)`.";
        }
        if (message.Contains("does not require grad and does not have a grad_fn", StringComparison.Ordinal))
            return "backward() found nothing to differentiate: no tensor in this computation requires gradients. " +
                   "Call `x.requires_grad_()` on the input (or create it with `requires_grad: true`), compute the result again, then call backward().";
        if (message.Contains("index out of range in self", StringComparison.Ordinal))
            return "An index is out of range: every index must be between 0 and the size − 1 of the dimension it selects " +
                   "(for index_select, the dim you pass; check the largest index against `.shape`).";
        if (message.Contains("Only Tensors of floating point and complex dtype can require gradients", StringComparison.Ordinal))
            return "Gradients need floating-point tensors: create it with a float dtype (e.g. `arange(4.0f)` or `x.to(float32)`) before `requires_grad_()`.";
        return null;
    }

    /// <summary>
    /// <paramref name="error"/> as the learner should see it: when the course can explain it (<see cref="Explain"/>), a new
    /// <see cref="InvalidOperationException"/> whose message is libtorch's own lines without native frames, followed by the
    /// explanation; otherwise the original exception itself. The original is kept in the new exception's
    /// <c>Data["TorchSharpException"]</c>, not as its InnerException: the kernel shows a failed cell as <c>exception.ToString()</c>,
    /// which prints an inner exception's message in full, native frames and all.
    /// </summary>
    public static Exception Explained(Exception error, Tensor? input = null)
    {
        ArgumentNullException.ThrowIfNull(error);
        string? explanation = Explain(error, input);
        if (explanation is null) return error;
        var explained = new InvalidOperationException(WithoutNativeFrames(error.Message) + "\n" + explanation);
        explained.Data["TorchSharpException"] = error;
        return explained;
    }

    static long Long(Group g) => long.Parse(g.Value, CultureInfo.InvariantCulture);

    /// <summary>C++ type names in libtorch's dtype messages ("double != float") as PyTorch dtypes.</summary>
    static string CName(string c) => c.Trim() switch
    {
        "float" => "float32", "double" => "float64", "long int" or "long" or "int64_t" => "int64", "int" => "int32",
        "bool" => "bool", "unsigned char" => "uint8", "signed char" => "int8", "short int" or "short" => "int16",
        var other => other,
    };

    /// <summary>ATen scalar type names ("Float", "Double", "Long") as PyTorch dtypes.</summary>
    static string AtenName(string t) => t switch
    {
        "Float" => "float32", "Double" => "float64", "Long" => "int64", "Int" => "int32", "Bool" => "bool", "Byte" => "uint8",
        "Half" => "float16", "BFloat16" => "bfloat16", var other => other,
    };

    [GeneratedRegex(@"^\s*frame #\d+:")]
    private static partial Regex NativeFrame();

    [GeneratedRegex(@"mat1 and mat2 shapes cannot be multiplied \((\d+)x(\d+) and (\d+)x(\d+)\)")]
    private static partial Regex ShapesCannotBeMultiplied();

    [GeneratedRegex(@"to have the same dtype, but got: ([a-z ]+) != ([a-z ]+)")]
    private static partial Regex DifferentDTypes();

    [GeneratedRegex(@"expected scalar type (\w+) but found (\w+)")]
    private static partial Regex ExpectedScalarType();

    [GeneratedRegex(@"Found dtype (\w+) but expected (\w+)")]
    private static partial Regex FoundDType();
}

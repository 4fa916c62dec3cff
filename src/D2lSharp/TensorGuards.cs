using D2lSharp.Display;
using TorchSharp;
using static TorchSharp.torch;

namespace D2lSharp;

/// <summary>
/// Plumbing: the argument checks the library's tensor functions share. Each throws an <see cref="ArgumentException"/> that
/// says what it got, what it expected and what to do, before a tensor reaches libtorch (where some mistakes end the kernel).
/// </summary>
internal static class TensorGuards
{
    /// <summary>
    /// All named tensors are floating-point and of one dtype, or the message names the odd one and the conversion:
    /// "X is float64 and w is float32: make both float32 (e.g. `X.to(float32)`)".
    /// </summary>
    public static void SameFloatingDType(string function, params (string Name, Tensor Tensor)[] tensors)
    {
        foreach (var (name, t) in tensors)
            if (!IsFloat(t.dtype))
            {
                var target = tensors.Select(p => p.Tensor.dtype).Where(IsFloat).DefaultIfEmpty(ScalarType.Float32).First();
                throw new ArgumentException(
                    $"{function}: {name} is {TensorFormatter.DTypeName(t.dtype)}, but it needs floating-point numbers: " +
                    $"make it {TensorFormatter.DTypeName(target)} (e.g. `{name}.to({TensorFormatter.DTypeName(target)})`).", name);
            }
        var (firstName, first) = tensors[0];
        foreach (var (name, t) in tensors.Skip(1))
        {
            if (t.dtype == first.dtype) continue;
            // Prefer float32, the dtype of the course's models and data, and convert the other one.
            var (target, convert) = first.dtype == ScalarType.Float32 ? (ScalarType.Float32, name)
                : t.dtype == ScalarType.Float32 ? (ScalarType.Float32, firstName)
                : (first.dtype, name);
            throw new ArgumentException(
                $"{function}: {firstName} is {TensorFormatter.DTypeName(first.dtype)} and {name} is {TensorFormatter.DTypeName(t.dtype)}: " +
                $"make both {TensorFormatter.DTypeName(target)} (e.g. `{convert}.to({TensorFormatter.DTypeName(target)})`).", convert);
        }
    }

    public static bool IsFloat(ScalarType t) =>
        t is ScalarType.Float32 or ScalarType.Float64 or ScalarType.Float16 or ScalarType.BFloat16;

    /// <summary>The tensor exists and has not been disposed (a dispose scope may have freed it).</summary>
    public static void Alive(Tensor? t, string name)
    {
        if (t is null) throw new ArgumentNullException(name, $"{name} is null; expected a tensor.");
        if (t.IsInvalid)
            throw new ArgumentException(
                $"{name} was disposed (a `using` or a dispose scope freed it), so it has no values any more. " +
                "Compute it again, or keep it out of the scope with `.MoveToOuterDisposeScope()`.", name);
    }

    /// <summary>An integer tensor of class indices (int64, int32, uint8, ...), not floats.</summary>
    public static void ClassIndices(string function, Tensor y, string name)
    {
        if (!IsInteger(y.dtype))
            throw new ArgumentException(
                $"{function}: {name} holds class labels, which must be whole-number indices (int64); got {TensorFormatter.DTypeName(y.dtype)}. " +
                $"Convert it with `{name}.to(int64)` (labels as float are a common slip).", name);
    }

    public static bool IsInteger(ScalarType t) =>
        t is ScalarType.Int64 or ScalarType.Int32 or ScalarType.Int16 or ScalarType.Int8 or ScalarType.Byte;
}

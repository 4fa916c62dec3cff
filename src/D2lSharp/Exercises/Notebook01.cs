using static TorchSharp.torch;

namespace D2lSharp.Exercises;

/// <summary>Checkers for the exercises of notebook 01 (tensors).</summary>
public static class Notebook01
{
    /// <summary>The bool tensor Xf > Y for the notebook's Xf = arange(12).reshape(3, 4) and Y.</summary>
    public static Feedback Exercise1(Tensor? answer)
    {
        using var scope = NewDisposeScope();
        var xf = arange(12, dtype: float32).reshape(3, 4);
        var y = tensor(new float[,] { { 2, 1, 4, 3 }, { 1, 2, 3, 4 }, { 4, 3, 2, 1 } });
        if (answer is not null && answer.dtype != ScalarType.Bool)
            return Check.Wrong($"a comparison gives a bool tensor; yours has dtype {Display.TensorFormatter.DTypeName(answer.dtype)}.");
        return Check.Tensor(answer, xf > y, "Xf > Y", hint: "compare element by element with >");
    }

    /// <summary>The broadcast shape of (3, 1, 2) + (1, 4, 1).</summary>
    public static Feedback Exercise2(long[]? answer) =>
        Check.Shape(answer, [3, 4, 2], "the shape of the broadcast sum", "each axis takes the length that is not 1");

    /// <summary>The last two columns of Xf.</summary>
    public static Feedback Exercise3(Tensor? answer)
    {
        using var scope = NewDisposeScope();
        var xf = arange(12, dtype: float32).reshape(3, 4);
        return Check.Tensor(answer, xf[.., 2..], "the last two columns", hint: "columns are axis 1: Xf[.., from..]");
    }

    /// <summary>The number of elements of a (2, 8, 4) concatenation.</summary>
    public static Feedback Exercise4(long? answer) =>
        Check.Exact(answer, 64L, "the number of elements", "cat along axis 1 adds the lengths of axis 1 (3 + 5); the other axes stay");
}

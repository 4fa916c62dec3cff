using static TorchSharp.torch;

namespace D2lSharp.Exercises;

/// <summary>Checkers for the exercises of notebook 01 (tensors).</summary>
public static class Notebook01
{
    /// <summary>The bool tensor Xf > Y for the notebook's Xf = arange(12).reshape(3, 4) and Y.</summary>
    public static Feedback Exercise1(Tensor? answer) => Check.Guard(() =>
    {
        using var scope = NewDisposeScope();
        var xf = arange(12, dtype: float32).reshape(3, 4);
        var y = tensor(new float[,] { { 2, 1, 4, 3 }, { 1, 2, 3, 4 }, { 4, 3, 2, 1 } });
        if (answer is not null && Check.Unusable(answer, "Xf > Y") is { } unusable) return unusable;
        if (answer is not null && answer.dtype != ScalarType.Bool)
            return Check.Wrong($"a comparison gives a bool tensor; yours has dtype {Display.TensorFormatter.DTypeName(answer.dtype)}.");
        return Check.Tensor(answer, xf > y, "Xf > Y", hint: "compare element by element with >");
    });

    /// <summary>The broadcast shape of (3, 1, 2) + (1, 4, 1).</summary>
    public static Feedback Exercise2(long[]? answer) =>
        Check.Shape(answer, [3, 4, 2], "the shape of the broadcast sum", "line the two shapes up axis by axis; an axis of length 1 is stretched to the other tensor's length");

    /// <summary>The last two columns of Xf.</summary>
    public static Feedback Exercise3(Tensor? answer) => Check.Guard(() =>
    {
        using var scope = NewDisposeScope();
        var xf = arange(12, dtype: float32).reshape(3, 4);
        return Check.Tensor(answer, xf[.., 2..], "the last two columns", hint: "columns are axis 1: Xf[.., from..]");
    });

    /// <summary>The number of elements of a (2, 8, 4) concatenation.</summary>
    public static Feedback Exercise4(long? answer) =>
        Check.Exact(answer, 64L, "the number of elements", "first work out the shape of the result: along the axis you concatenate, the lengths add up; every other axis must match and stays as it is");

    /// <summary>
    /// Exercise 5 (conceptual): which of six operations on the 3×4 tensor Xf run and give shape (3, 4) — broadcasting, a matrix
    /// product that keeps the shape, one that does not, and a concatenation, so the rules of the lesson have to be applied, not recalled.
    /// </summary>
    public static Feedback Exercise5(string? answer) =>
        Check.Choice(answer, "acd", "the operations that give a result of shape (3, 4)", new Dictionary<char, string>
        {
            ['b'] = "lined up from the right, ones(3) meets the last axis of Xf, of length 4; 3 and 4 differ and neither is 1, so the addition throws",
            ['e'] = "Xf.T is 4×3, and a (4×3)·(3×4) product takes the outer lengths: 4×4",
            ['f'] = "concatenating along axis 0 adds up the numbers of rows: 6×4",
        }, hint: "broadcasting lines shapes up from the right (a missing leading axis counts as length 1, and only length-1 axes stretch); " +
                 "mm needs equal inner lengths and keeps the outer ones; cat adds up the lengths along its axis");
}

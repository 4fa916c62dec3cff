using static TorchSharp.torch;

namespace D2lSharp.Exercises;

/// <summary>Checkers for the exercises of notebook 03 (linear algebra).</summary>
public static class Notebook03
{
    /// <summary>Exercise 1: <c>len(X)</c> for a tensor of shape (2, 3, 4) is the size of its first axis.</summary>
    public static Feedback Exercise1(long? answer) =>
        Check.Exact(answer, 2L, "len(X) for X of shape (2, 3, 4)",
            hint: "len counts the entries along the first axis only; it is neither the number of axes nor the number of elements");

    /// <summary>Exercise 2: the 5×4 matrix arange(20) with every entry divided by its row's sum.</summary>
    public static Feedback Exercise2(Tensor? answer)
    {
        using var scope = NewDisposeScope();
        var a = arange(20, dtype: ScalarType.Float32).reshape(5, 4);
        var expected = a / a.sum(1, keepdim: true);
        var feedback = Check.Tensor(answer, expected, "A divided by its row sums",
            hint: "sum along axis 1 and keep that axis (keepdim: true), so the 5×1 sums broadcast across the 4 columns; every row of the result sums to 1");
        if (feedback.Correct == false && answer is not null && answer.shape.SequenceEqual(expected.shape)
            && Check.Tensor(answer, a / a.sum(0, keepdim: true), "x").Correct == true)
            return Check.Wrong("you divided by the column sums (axis 0); each row should sum to 1, so sum along axis 1.");
        return feedback;
    }

    /// <summary>Exercise 3: the Frobenius norm of [[1, −2, 2], [0, 4, −4]], i.e. √41.</summary>
    public static Feedback Exercise3(double? answer) =>
        Check.Number(answer, Math.Sqrt(41), "the Frobenius norm of M", tolerance: 1e-6,
            hint: "square every entry, add up all the squares, and take the square root of the total");

    /// <summary>Exercise 4: the shape of PQr for P (3, 4), Q (4, 5), r (5): a vector of length 3.</summary>
    public static Feedback Exercise4(long[]? answer) =>
        Check.Shape(answer, [3], "the shape of PQr",
            hint: "(3×4)·(4×5) is 3×5, and a 3×5 matrix times a vector of length 5 gives one dot product per row");
}

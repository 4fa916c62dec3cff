using static TorchSharp.torch;

namespace D2lSharp.Exercises;

/// <summary>Checkers for the exercises of notebook 03 (linear algebra).</summary>
public static class Notebook03
{
    /// <summary>Exercise 1 (conceptual, d2l 2.3 exercises 1–3): which transpose identities hold for all matrices.</summary>
    public static Feedback Exercise1(string? answer) =>
        Check.Choice(answer, "abd", "the identities that hold for all matrices (of fitting shapes)", new Dictionary<char, string>
        {
            ['c'] = "even where both sides are defined the two can differ: for the 2×2 matrices A = [[0, 1], [0, 0]] and B = [[0, 0], [1, 0]], " +
                    "(AB)ᵀ has its 1 at the top left and AᵀBᵀ at the bottom right (and for A of shape 2×3, B of shape 3×4, AᵀBᵀ is not even defined)",
        }, hint: "test each identity on small random matrices with torch.allclose, and write out entry (i, j) of both sides");

    /// <summary>Exercise 2 (after d2l 2.3 exercise 7): the shapes of X.sum over axis 1, over axis 2 and over axes 0 and 2, for X of shape (2, 3, 4).</summary>
    public static Feedback Exercise2(long[]? sumAxis1, long[]? sumAxis2, long[]? sumAxes02) => Check.Guard(() =>
    {
        if (sumAxis1 is null || sumAxis2 is null || sumAxes02 is null)
            return Check.Pending("give the three shapes: X.sum(dim: 1), X.sum(dim: 2) and X.sum(new long[] { 0, 2 }) for X of shape (2, 3, 4).");
        const string hint = "a sum along an axis removes that axis and keeps all the others, in their order";
        (long[] Given, long[] Expected, string Name)[] parts =
            [(sumAxis1, [2, 4], "X.sum(dim: 1)"), (sumAxis2, [2, 3], "X.sum(dim: 2)"), (sumAxes02, [3], "X.sum(new long[] { 0, 2 })")];
        foreach (var (given, expected, name) in parts)
            if (!given.SequenceEqual(expected))
                return Check.Wrong($"the shape of {name} is not {Display.TensorFormatter.ShapeText(given)}. Hint: {hint}.");
        return Check.Right("(2, 4), (2, 3) and (3,): each sum removes the axes it runs along.");
    });

    /// <summary>Exercise 3: the Frobenius norm of [[1, −2, 2], [0, 4, −4]], i.e. √41; a typed rounding to 3 significant digits counts.</summary>
    public static Feedback Exercise3(double? answer) => Check.Guard(() =>
    {
        if (Check.Matches(answer, 41))
            return Check.Wrong("41 is the sum of the squared entries, ‖M‖_F²; the norm is the square root of that sum.");
        if (Check.Matches(answer, 13))
            return Check.Wrong("13 is the sum of the absolute values of the entries, an L1-style norm. The Frobenius norm is the L2 norm of the entries.");
        return Check.Number(answer, Math.Sqrt(41), "the Frobenius norm of M", tolerance: 1e-6, digits: 3,
            hint: "the Frobenius norm treats the matrix as one long vector of its entries; which vector norm is it?");
    });

    /// <summary>Exercise 4: the shape of PQr for P (3, 4), Q (4, 5), r (5): a vector of length 3.</summary>
    public static Feedback Exercise4(long[]? answer) =>
        Check.Shape(answer, [3], "the shape of PQr",
            hint: "multiply left to right and write down the shape after each product; a matrix times a vector gives one number per row of the matrix");
}

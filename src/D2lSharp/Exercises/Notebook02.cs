using Microsoft.Data.Analysis;
using static TorchSharp.torch;

namespace D2lSharp.Exercises;

/// <summary>Checkers for the exercises of notebook 02 (data preprocessing) on the house_tiny table.</summary>
public static class Notebook02
{
    /// <summary>Exercise 1: the house table with the column that has the most missing values dropped.</summary>
    public static Feedback Exercise1(DataFrame? answer)
    {
        const string hint = "count the missing values of each column (column.NullCount), then build a table without the worst one";
        if (answer is null) return Check.Pending("give the house table without the column that has the most missing values — " + hint);
        var names = answer.Columns.Select(c => c.Name).ToArray();
        if (answer.Rows.Count != 4)
            return Check.Wrong($"your table has {answer.Rows.Count} rows; dropping a column keeps all 4 houses.");
        if (names.Contains("Alley"))
            return Check.Wrong($"your table still has Alley ({string.Join(", ", names)}). Hint: {hint}.");
        if (!names.SequenceEqual(["NumRooms", "Price"]))
            return Check.Wrong($"your table has the columns {string.Join(", ", names)}; only the one with the most missing values should go.");
        return Check.Right("Alley (3 of 4 values missing) is gone; NumRooms (2 missing) and Price (none) stay.");
    }

    /// <summary>Exercise 2: rows with a missing NumRooms deleted, Alley one-hot encoded, inputs as a float32 tensor.</summary>
    public static Feedback Exercise2(Tensor? answer)
    {
        const string what = "the float32 inputs tensor after deleting the rows with a missing NumRooms";
        const string hint = "keep the rows where NumRooms is not null (data.Filter(...ElementwiseIsNotNull())), split off Price, " +
                            "one-hot encode Alley with a missing category — only the categories that are left get a column";
        if (answer is null) return Check.Pending($"compute {what} — {hint}.");
        if (answer.dtype != ScalarType.Float32)
            return Check.Wrong($"{what} should be float32; yours is {answer.dtype}. Pass ScalarType.Float32 or call .to_type(float32).");
        using var expected = tensor(new float[] { 2, 1, 4, 1 }, [2, 2]);
        return Check.Tensor(answer, expected, what, hint: hint);
    }
}

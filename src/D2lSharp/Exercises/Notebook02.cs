using Microsoft.Data.Analysis;
using static TorchSharp.torch;

namespace D2lSharp.Exercises;

/// <summary>Checkers for the exercises of notebook 02 (data preprocessing) on the house_tiny table.</summary>
public static class Notebook02
{
    /// <summary>Exercise 1: the house table with the column that has the most missing values dropped.</summary>
    public static Feedback Exercise1(DataFrame? answer) => Check.Guard(() =>
    {
        const string hint = "count the missing values of each column (column.NullCount), then build a table without the worst one";
        if (answer is null) return Check.Pending("give the house table without the column that has the most missing values.");
        var names = answer.Columns.Select(c => c.Name).ToArray();
        if (answer.Rows.Count != 4)
            return Check.Wrong($"your table has {answer.Rows.Count} rows; dropping a column keeps all 4 houses.");
        if (names.Contains("Alley"))
            return Check.Wrong($"your table still has Alley ({string.Join(", ", names)}). Hint: {hint}.");
        if (!names.SequenceEqual(["NumRooms", "Price"]))
            return Check.Wrong($"your table has the columns {string.Join(", ", names)}; only the one with the most missing values should go.");
        return Check.Right("Alley (3 of 4 values missing) is gone; NumRooms (2 missing) and Price (none) stay.");
    });

    /// <summary>Exercise 2: rows with a missing NumRooms deleted, Alley one-hot encoded, inputs as a float32 tensor.</summary>
    public static Feedback Exercise2(Tensor? answer) => Check.Guard(() =>
    {
        const string what = "the float32 inputs tensor after deleting the rows with a missing NumRooms";
        const string hint = "keep the rows where NumRooms is not null (houses.Filter(...ElementwiseIsNotNull())), split off Price, " +
                            "one-hot encode Alley with a missing category — only the categories that are left get a column";
        if (answer is null) return Check.Pending($"compute {what}.");
        if (Check.Unusable(answer, what) is { } unusable) return unusable;
        if (answer.dtype != ScalarType.Float32)
            return Check.Wrong($"{what} should be float32; yours is {Display.TensorFormatter.DTypeName(answer.dtype)}. Pass ScalarType.Float32 or call .to_type(float32).");
        using var expected = tensor(new float[] { 2, 1, 4, 1 }, [2, 2]);
        return Check.Tensor(answer, expected, what, hint: hint);
    });

    /// <summary>Exercise 3 (conceptual): what imputation with the column mean does and does not do.</summary>
    public static Feedback Exercise3(string? answer) =>
        Check.Choice(answer, "abc", "the true statements about filling NumRooms with the mean", new Dictionary<char, string>
        {
            ['d'] = "an imputed value is only a plausible guess from the other rows; it tells the model nothing new about that house",
        }, hint: "think about what a mean over values that include the filled-in zeros would be, and about what a guess can and cannot know");

    /// <summary>Exercise 4: columns produced by one-hot encoding 4 categories plus a missing-value category.</summary>
    public static Feedback Exercise4(long? answer) => Check.Guard(() =>
    {
        if (answer == 4) return Check.Wrong("4 columns cover the four named categories; in which column would a house whose Roof is missing get its 1?");
        if (answer == 1) return Check.Wrong("one-hot encoding replaces the one text column by one 0/1 column per value it can take.");
        return Check.Exact(answer, 5L, "the number of columns after one-hot encoding",
            hint: "count one column per possible value, and remember that \"missing\" is treated as a value");
    });
}

using D2lSharp.Data;
using D2lSharp.Exercises;
using static TorchSharp.torch;

namespace D2lSharp.Tests;

public class ExercisesNotebook02Tests
{
    const string House = "NumRooms,Alley,Price\nNA,Pave,127500\n2,NA,106000\n4,NA,178100\nNA,NA,140000\n";

    [Fact]
    public void Exercise1_accepts_the_table_without_Alley_and_rejects_others()
    {
        Assert.Null(Notebook02.Exercise1(null).Correct);
        var data = Tables.ParseCsv(House);
        var right = data.Clone();
        right.Columns.Remove("Alley");
        Assert.True(Notebook02.Exercise1(right).Correct);
        Assert.False(Notebook02.Exercise1(data).Correct);
        var wrong = data.Clone();
        wrong.Columns.Remove("NumRooms");
        Assert.False(Notebook02.Exercise1(wrong).Correct);
        Assert.False(Notebook02.Exercise1(right.DropNulls()).Correct); // rows dropped too
    }

    [Fact]
    public void Exercise2_accepts_the_float32_inputs_of_the_complete_rows_and_rejects_others()
    {
        Assert.Null(Notebook02.Exercise2(null).Correct);
        var data = Tables.ParseCsv(House);
        var kept = data.Filter(data.Columns["NumRooms"].ElementwiseIsNotNull());
        kept.Columns.Remove("Price");
        using var right = Tables.ToTensor(Tables.OneHot(kept, "Alley"), ScalarType.Float32);
        Assert.True(Notebook02.Exercise2(right).Correct);
        using var float64 = right.to_type(ScalarType.Float64);
        Assert.False(Notebook02.Exercise2(float64).Correct);
        using var wrongValues = tensor(new float[] { 2, 0, 4, 1 }, [2, 2]);
        Assert.False(Notebook02.Exercise2(wrongValues).Correct);
        using var wrongShape = zeros(4, 3);
        Assert.False(Notebook02.Exercise2(wrongShape).Correct);
    }
}

using D2lSharp.Data;
using Microsoft.Data.Analysis;
using static TorchSharp.torch;

namespace D2lSharp.Tests;

public class TablesTests
{
    const string House = "NumRooms,Alley,Price\nNA,Pave,127500\n2,NA,106000\n4,NA,178100\nNA,NA,140000\n";

    [Fact]
    public void ParseCsv_reads_NA_as_missing_and_numbers_as_double_columns()
    {
        var df = Tables.ParseCsv(House);
        Assert.Equal(["NumRooms", "Alley", "Price"], df.Columns.Select(c => c.Name));
        Assert.IsType<DoubleDataFrameColumn>(df.Columns["NumRooms"]);
        Assert.IsType<StringDataFrameColumn>(df.Columns["Alley"]);
        Assert.Equal(2, df.Columns["NumRooms"].NullCount);
        Assert.Equal(3, df.Columns["Alley"].NullCount);
        Assert.Equal(178100.0, df.Columns["Price"][2]);
        Assert.Equal(4, df.Rows.Count);
    }

    [Fact]
    public void ReadCsv_reads_the_shipped_house_table()
    {
        var path = Path.Combine(CourseFiles.Repository.Root(), "data", "house_tiny.csv");
        var df = Tables.ReadCsv(path);
        Assert.Equal(4, df.Rows.Count);
        Assert.Equal("Pave", df.Columns["Alley"][0]);
    }

    [Fact]
    public void ParseCsv_handles_quotes_crlf_and_blank_lines()
    {
        var df = Tables.ParseCsv("a,b\r\n\"x, y\",1\r\n\r\n\"say \"\"hi\"\"\",2\r\n");
        Assert.Equal("x, y", df.Columns["a"][0]);
        Assert.Equal("say \"hi\"", df.Columns["a"][1]);
        Assert.Equal(2.0, df.Columns["b"][1]);
    }

    [Fact]
    public void A_row_with_too_many_fields_names_the_file_line_and_expected_count()
    {
        var e = Assert.Throws<FormatException>(() => Tables.ParseCsv("a,b\n1,2\n3,4,5\n", "bad.csv"));
        Assert.Contains("bad.csv, line 3", e.Message);
        Assert.Contains("expected 2 fields (a, b), found 3", e.Message);
    }

    [Fact]
    public void A_non_number_in_a_numeric_column_names_line_column_and_value()
    {
        var e = Assert.Throws<FormatException>(() => Tables.ParseCsv("a,Price\n1,2\n3,1O7000\n", "bad.csv", numericColumns: ["Price"]));
        Assert.Contains("bad.csv, line 3, column 2 ('Price')", e.Message);
        Assert.Contains("found '1O7000'", e.Message);
        // Without the declaration the column is simply read as text.
        Assert.IsType<StringDataFrameColumn>(Tables.ParseCsv("a,Price\n1,2\n3,1O7000\n").Columns["Price"]);
    }

    [Fact]
    public void Header_problems_and_unknown_numeric_columns_are_reported()
    {
        Assert.Contains("empty", Assert.Throws<FormatException>(() => Tables.ParseCsv("\n\n")).Message);
        Assert.Contains("twice", Assert.Throws<FormatException>(() => Tables.ParseCsv("a,a\n1,2\n")).Message);
        Assert.Contains("not closed", Assert.Throws<FormatException>(() => Tables.ParseCsv("a,b\n\"1,2\n")).Message);
        var e = Assert.Throws<ArgumentException>(() => Tables.ParseCsv("a,b\n1,2\n", numericColumns: ["c"]));
        Assert.Equal("numericColumns", e.ParamName);
        Assert.Throws<FileNotFoundException>(() => Tables.ReadCsv("no/such/file.csv"));
    }

    [Fact]
    public void OneHot_makes_a_column_per_category_and_one_for_missing()
    {
        var df = Tables.OneHot(Tables.ParseCsv(House), "Alley");
        Assert.Equal(["NumRooms", "Alley_Pave", "Alley_nan", "Price"], df.Columns.Select(c => c.Name));
        Assert.Equal([1.0, 0, 0, 0], Enumerable.Range(0, 4).Select(r => (double)df.Columns["Alley_Pave"][r]!));
        Assert.Equal([0.0, 1, 1, 1], Enumerable.Range(0, 4).Select(r => (double)df.Columns["Alley_nan"][r]!));
        Assert.DoesNotContain("Alley_nan", Tables.OneHot(Tables.ParseCsv(House), "Alley", missingCategory: false).Columns.Select(c => c.Name));
        Assert.Equal("column", Assert.Throws<ArgumentException>(() => Tables.OneHot(df, "Street")).ParamName);
    }

    [Fact]
    public void ToTensor_makes_a_rows_by_columns_tensor_of_the_requested_dtype()
    {
        var df = Tables.OneHot(Tables.ParseCsv(House), "Alley");
        df.Columns["NumRooms"].FillNulls(3.0, inPlace: true);
        using var x = Tables.ToTensor(df);
        Assert.Equal([4L, 4], x.shape);
        Assert.Equal(ScalarType.Float64, x.dtype);
        Assert.Equal(3.0, x[0, 0].item<double>());
        Assert.Equal(178100.0, x[2, 3].item<double>());
        using var y = Tables.ToTensor(df.Columns["Price"], ScalarType.Float32);
        Assert.Equal([4L], y.shape);
        Assert.Equal(ScalarType.Float32, y.dtype);
        Assert.Equal(106000f, y[1].item<float>());
    }

    [Fact]
    public void ToTensor_refuses_text_and_missing_values_with_the_column_named()
    {
        var raw = Tables.ParseCsv(House);
        var text = Assert.Throws<ArgumentException>(() => Tables.ToTensor(new DataFrame(raw.Columns["Alley"].Clone())));
        Assert.Contains("Column 'Alley' (column 1) holds String values such as 'Pave'", text.Message);
        var missing = Assert.Throws<ArgumentException>(() => Tables.ToTensor(raw.Columns["NumRooms"]));
        Assert.Contains("Column 'NumRooms', row 0, is missing", missing.Message);
        Assert.Throws<ArgumentException>(() => Tables.ToTensor(new DataFrame()));
        // Types are checked before values, so a table with both problems reports the text column.
        Assert.Contains("Column 'Alley' (column 2)", Assert.Throws<ArgumentException>(() => Tables.ToTensor(raw)).Message);
    }
}

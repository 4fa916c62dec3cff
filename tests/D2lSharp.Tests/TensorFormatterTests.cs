using D2lSharp.Display;
using Microsoft.DotNet.Interactive.Formatting;
using static TorchSharp.torch;

namespace D2lSharp.Tests;

public class TensorFormatterTests
{
    [Fact]
    public void Scalar_shows_empty_shape_and_value()
    {
        using var t = tensor(3.5f);
        Assert.Equal("tensor of shape (), dtype float32\n3.5000", TensorFormatter.ToText(t));
    }

    [Fact]
    public void Vector_of_whole_floats_uses_trailing_dots()
    {
        using var t = arange(4, dtype: ScalarType.Float32);
        Assert.Equal("tensor of shape (4,), dtype float32\n[0., 1., 2., 3.]", TensorFormatter.ToText(t));
    }

    [Fact]
    public void Matrix_is_laid_out_in_aligned_rows()
    {
        using var t = arange(12).reshape(3, 4);
        Assert.Equal(
            "tensor of shape (3, 4), dtype int64\n" +
            "[[ 0,  1,  2,  3],\n" +
            " [ 4,  5,  6,  7],\n" +
            " [ 8,  9, 10, 11]]", TensorFormatter.ToText(t));
    }

    [Fact]
    public void Three_axes_separate_blocks_with_a_blank_line()
    {
        using var t = arange(8).reshape(2, 2, 2);
        Assert.Equal(
            "[[[0, 1],\n" +
            "  [2, 3]],\n\n" +
            " [[4, 5],\n" +
            "  [6, 7]]]", TensorFormatter.ValuesText(t));
    }

    [Fact]
    public void Fractions_get_four_decimals_and_tiny_values_go_scientific()
    {
        using var a = tensor(new[] { 0.1, 0.01, 3.0 });
        Assert.Equal("[0.1000, 0.0100, 3.0000]", TensorFormatter.ValuesText(a));
        using var b = tensor(new[] { 1e-5f, 1f });
        Assert.Equal("[1.0000e-05, 1.0000e+00]", TensorFormatter.ValuesText(b));
    }

    [Fact]
    public void Bool_tensor_prints_True_and_False()
    {
        using var t = tensor(new[] { 1, 5, 3 }) > 2;
        Assert.Equal("tensor of shape (3,), dtype bool\n[False,  True,  True]", TensorFormatter.ToText(t));
    }

    [Fact]
    public void Large_tensor_is_abbreviated_with_an_ellipsis_on_each_long_axis()
    {
        using var t = arange(5000).reshape(50, 100);
        string text = TensorFormatter.ToText(t);
        Assert.StartsWith("tensor of shape (50, 100), dtype int64\n[[   0,    1,    2, ...,   97,   98,   99],", text);
        Assert.Contains(" ...,\n", text);
        Assert.EndsWith("[4900, 4901, 4902, ..., 4997, 4998, 4999]]", text);
        Assert.True(text.Split('\n').Length == 8, text); // header + 3 rows + "..." + 3 rows
    }

    [Fact]
    public void Small_tensor_is_not_abbreviated()
    {
        using var t = arange(1000);
        Assert.DoesNotContain("...", TensorFormatter.ValuesText(t));
    }

    [Fact]
    public void Nan_and_infinity_are_spelled_out()
    {
        using var t = tensor(new[] { float.NaN, float.PositiveInfinity, -1.5f });
        Assert.Equal("[    nan,     inf, -1.5000]", TensorFormatter.ValuesText(t));
    }

    [Fact]
    public void Header_mentions_requires_grad()
    {
        using var t = ones(2, requires_grad: true);
        Assert.Equal("tensor of shape (2,), dtype float32, requires_grad", TensorFormatter.Header(t));
    }

    [Fact]
    public void Html_is_a_table_with_index_labels_and_gap_markers()
    {
        using var t = arange(5000).reshape(50, 100);
        string html = TensorFormatter.ToHtml(t);
        Assert.Contains("tensor of shape (50, 100), dtype int64", html);
        Assert.Contains("<table", html);
        Assert.Contains(">4999<", html);
        Assert.Contains(">…<", html);
        Assert.Contains(">⋮<", html);
        Assert.Contains(">49<", html); // row label of the last row
    }

    [Fact]
    public void Html_of_three_axes_uses_a_preformatted_block()
    {
        using var t = zeros(2, 2, 2, dtype: ScalarType.Int32);
        string html = TensorFormatter.ToHtml(t);
        Assert.Contains("<pre", html);
        Assert.Contains("dtype int32", html);
    }

    [Fact]
    public void Notebook_formatters_are_registered_for_both_mime_types()
    {
        using var t = arange(3);
        Assert.Equal(TensorFormatter.ToText(t), t.ToDisplayString(PlainTextFormatter.MimeType));
        Assert.Equal(TensorFormatter.ToHtml(t), t.ToDisplayString(HtmlFormatter.MimeType));
        Assert.DoesNotContain("type = ", t.ToDisplayString(PlainTextFormatter.MimeType));
    }

    [Fact]
    public void Parameters_are_formatted_as_tensors_too()
    {
        using var p = new TorchSharp.Modules.Parameter(zeros(2));
        Assert.StartsWith("tensor of shape (2,), dtype float32, requires_grad", p.ToDisplayString(PlainTextFormatter.MimeType));
    }
}

using System.Globalization;
using System.Net;
using System.Text;
using TorchSharp;
using static TorchSharp.torch;

namespace D2lSharp.Display;

/// <summary>
/// Renders a tensor the way numpy and PyTorch print one: its shape and dtype, then its values with
/// nested brackets, aligned columns, and an ellipsis in place of the middle of long axes.
/// </summary>
public static class TensorFormatter
{
    /// <summary>Tensors with more elements than this are abbreviated (numpy's threshold).</summary>
    public const int Threshold = 1000;

    /// <summary>How many items are kept at each end of an abbreviated axis (numpy's edgeitems).</summary>
    public const int EdgeItems = 3;

    /// <summary>The dtype as PyTorch spells it (float32, int64, bool, ...).</summary>
    public static string DTypeName(ScalarType t) => t switch
    {
        ScalarType.Float32 => "float32", ScalarType.Float64 => "float64", ScalarType.Float16 => "float16",
        ScalarType.BFloat16 => "bfloat16", ScalarType.Int8 => "int8", ScalarType.Byte => "uint8",
        ScalarType.Int16 => "int16", ScalarType.Int32 => "int32", ScalarType.Int64 => "int64",
        ScalarType.Bool => "bool", ScalarType.ComplexFloat32 => "complex64", ScalarType.ComplexFloat64 => "complex128",
        _ => t.ToString().ToLowerInvariant(),
    };

    /// <summary>"(3, 4)" — a shape as a tuple, as numpy shows it; "()" for a scalar.</summary>
    public static string ShapeText(long[] shape) =>
        shape is null ? throw new ArgumentNullException(nameof(shape), "shape is null; pass a tensor's .shape.") :
        shape.Length == 1 ? $"({shape[0]},)" : "(" + string.Join(", ", shape) + ")";

    /// <summary>A tensor's shape as <see cref="ShapeText"/> writes it: what the library's error messages name.</summary>
    internal static string Shape(Tensor t) => ShapeText(t.shape);

    /// <summary>Header line: shape, dtype, and device or gradient facts when they matter.</summary>
    public static string Header(Tensor t)
    {
        TensorGuards.Alive(t, nameof(t));
        var sb = new StringBuilder($"tensor of shape {ShapeText(t.shape)}, dtype {DTypeName(t.dtype)}");
        if (t.device_type != DeviceType.CPU) sb.Append($", device {t.device}");
        if (t.requires_grad) sb.Append(", requires_grad");
        return sb.ToString();
    }

    /// <summary>Shape and dtype on one line, then numpy-style values.</summary>
    public static string ToText(Tensor t) => Header(t) + "\n" + ValuesText(t);

    /// <summary>The values alone, numpy style: <c>[[0., 1.],\n [2., 3.]]</c>.</summary>
    public static string ValuesText(Tensor t)
    {
        TensorGuards.Alive(t, nameof(t));
        var grid = Cells.From(t);
        if (t.dim() == 0) return grid.Text[0];
        var sb = new StringBuilder();
        Write(sb, grid, 0, 0, grid.Shape, 1);
        return sb.ToString();
    }

    static void Write(StringBuilder sb, Cells g, int axis, int offset, int[] shape, int indent)
    {
        sb.Append('[');
        int n = shape[axis];
        int stride = 1;
        for (int a = axis + 1; a < shape.Length; a++) stride *= shape[a];
        bool last = axis == shape.Length - 1;
        for (int i = 0; i < n; i++)
        {
            if (i > 0)
            {
                sb.Append(',');
                if (last) sb.Append(' ');
                else sb.Append('\n', shape.Length - 1 - axis).Append(' ', indent);
            }
            if (g.Elided[axis] && i == EdgeItems)
            {
                sb.Append("...");
                sb.Append(',');
                if (last) sb.Append(' ');
                else sb.Append('\n', shape.Length - 1 - axis).Append(' ', indent);
            }
            if (last) sb.Append(g.Text[offset + i].PadLeft(g.Width));
            else Write(sb, g, axis + 1, offset + i * stride, shape, indent + 1);
        }
        sb.Append(']');
    }

    /// <summary>Shape, dtype and a table of values for 0-, 1- and 2-d tensors (a numpy-style block otherwise).</summary>
    public static string ToHtml(Tensor t)
    {
        TensorGuards.Alive(t, nameof(t));
        var sb = new StringBuilder();
        sb.Append("<div class=\"d2l-tensor\" style=\"font-family:monospace\">");
        sb.Append("<div style=\"color:#555;margin-bottom:4px\">").Append(WebUtility.HtmlEncode(Header(t))).Append("</div>");
        if (t.dim() is 1 or 2)
        {
            var g = Cells.From(t);
            int rows = t.dim() == 1 ? 1 : g.Shape[0], cols = g.Shape[^1];
            bool rowGap = t.dim() == 2 && g.Elided[0], colGap = g.Elided[^1];
            sb.Append("<table style=\"border-collapse:collapse\">");
            if (t.dim() == 2)
            {
                sb.Append("<tr><th></th>");
                foreach (var c in Labels(cols, colGap, t.shape[^1], "…")) sb.Append("<th style=\"padding:1px 8px;color:#888;font-weight:normal\">").Append(c).Append("</th>");
                sb.Append("</tr>");
            }
            var rowLabels = Labels(rows, rowGap, t.dim() == 2 ? t.shape[0] : 1, "⋮").ToList();
            int r = 0;
            foreach (var label in rowLabels)
            {
                sb.Append("<tr>");
                if (t.dim() == 2) sb.Append("<th style=\"padding:1px 8px;color:#888;font-weight:normal\">").Append(label).Append("</th>");
                if (label == "⋮")
                {
                    foreach (var _ in Labels(cols, colGap, t.shape[^1], "…")) sb.Append("<td style=\"padding:1px 8px;text-align:right\">⋮</td>");
                }
                else
                {
                    int c = 0;
                    foreach (var cl in Labels(cols, colGap, t.shape[^1], "…"))
                    {
                        string text = cl == "…" ? "…" : WebUtility.HtmlEncode(g.Text[r * cols + c++]);
                        sb.Append("<td style=\"padding:1px 8px;text-align:right\">").Append(text).Append("</td>");
                    }
                    r++;
                }
                sb.Append("</tr>");
            }
            sb.Append("</table>");
        }
        else
        {
            sb.Append("<pre style=\"margin:0\">").Append(WebUtility.HtmlEncode(ValuesText(t))).Append("</pre>");
        }
        sb.Append("</div>");
        return sb.ToString();
    }

    /// <summary>Index labels of a displayed axis, with one gap marker where the middle is left out.</summary>
    static IEnumerable<string> Labels(int shown, bool gap, long fullLength, string marker)
    {
        for (int i = 0; i < shown; i++)
        {
            if (gap && i == EdgeItems) yield return marker;
            long index = gap && i >= EdgeItems ? fullLength - (shown - i) : i;
            yield return index.ToString(CultureInfo.InvariantCulture);
        }
    }

    /// <summary>The (possibly abbreviated) values of a tensor as aligned strings, in row-major order.</summary>
    sealed class Cells
    {
        public required string[] Text;
        public required int[] Shape;
        public required bool[] Elided;
        public int Width;

        public static Cells From(Tensor t)
        {
            using var scope = NewDisposeScope();
            var view = t.detach().cpu();
            bool abbreviate = t.numel() > Threshold;
            var elided = new bool[Math.Max(t.dim(), 0)];
            for (int axis = 0; axis < t.dim(); axis++)
            {
                long n = view.shape[axis];
                if (!abbreviate || n <= 2 * EdgeItems) continue;
                elided[axis] = true;
                view = cat([view.narrow(axis, 0, EdgeItems), view.narrow(axis, n - EdgeItems, EdgeItems)], axis);
            }
            var shape = view.shape.Select(s => (int)s).ToArray();
            string[] text = t.dtype switch
            {
                ScalarType.Bool => view.contiguous().data<bool>().ToArray().Select(b => b ? "True" : "False").ToArray(),
                ScalarType.Byte or ScalarType.Int8 or ScalarType.Int16 or ScalarType.Int32 or ScalarType.Int64 =>
                    view.to_type(ScalarType.Int64).contiguous().data<long>().ToArray().Select(v => v.ToString(CultureInfo.InvariantCulture)).ToArray(),
                ScalarType.ComplexFloat32 or ScalarType.ComplexFloat64 =>
                    throw new NotSupportedException("Complex tensors are shown by TorchSharp's own ToString."),
                _ => FormatFloats(view.to_type(ScalarType.Float64).contiguous().data<double>().ToArray()),
            };
            return new Cells { Text = text, Shape = shape, Elided = elided, Width = text.Length == 0 ? 0 : text.Max(s => s.Length) };
        }
    }

    /// <summary>PyTorch's float style: "1." when every value is whole, 4 decimals otherwise, scientific for extreme ranges.</summary>
    internal static string[] FormatFloats(double[] values)
    {
        var finite = values.Where(double.IsFinite).ToArray();
        bool whole = finite.All(v => v == Math.Floor(v)) && finite.All(v => Math.Abs(v) < 1e16);
        var nonzero = finite.Where(v => v != 0).Select(Math.Abs).ToArray();
        bool scientific = nonzero.Length > 0 && (nonzero.Max() >= 1e8 || nonzero.Min() < 1e-4 || nonzero.Max() / nonzero.Min() > 1e6 && !whole);
        return values.Select(v =>
            double.IsNaN(v) ? "nan" :
            double.IsPositiveInfinity(v) ? "inf" :
            double.IsNegativeInfinity(v) ? "-inf" :
            scientific ? v.ToString("0.0000e+00", CultureInfo.InvariantCulture) :
            whole ? v.ToString("0", CultureInfo.InvariantCulture) + "." :
            v.ToString("0.0000", CultureInfo.InvariantCulture)).ToArray();
    }
}

using Microsoft.Data.Analysis;
using Microsoft.DotNet.Interactive.Formatting;
using TorchSharp;

namespace D2lSharp.Display;

/// <summary>
/// Registers the course's notebook formatters: tensors as numpy-style text and as an HTML table, tables (DataFrame) as text
/// too, short course objects as one line. Values the lessons show as text are published with both text/html (what VS Code,
/// Jupyter and the book draw) and text/plain (what the executed copy keeps as text, and what a lesson program prints through
/// <see cref="ProgramDisplay"/>), so that a notebook's text output and its program's can be compared.
/// </summary>
public static class NotebookFormatters
{
    /// <summary>Types the kernel publishes as text/plain next to their HTML (the kernel's default is HTML alone).</summary>
    static readonly Type[] TextToo =
    [
        typeof(torch.Tensor), typeof(DataFrame), typeof(SetupReport), typeof(Exercises.Feedback), typeof(Data.Minibatches),
        typeof(Data.FashionMnistData), typeof(Training.TrainingHistory), typeof(Training.Accumulator),
        typeof(string), typeof(bool), typeof(int), typeof(long), typeof(float), typeof(double), typeof(decimal),
    ];

    static int _registered;

    /// <summary>Registers once per process; later calls do nothing. Returns true on the first call.</summary>
    public static bool Register()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 1) return false;
        Formatter.Register<torch.Tensor>((t, w) => w.Write(TensorFormatter.ToText(t)), PlainTextFormatter.MimeType);
        Formatter.Register<torch.Tensor>((t, w) => w.Write(TensorFormatter.ToHtml(t)), HtmlFormatter.MimeType);
        // Short reports read better as one line of text than as the kernel's default object tree.
        RegisterAsText<SetupReport>();
        RegisterAsText<Exercises.Feedback>();
        // Data and training objects: a one-line summary (a Minibatches would otherwise be enumerated, batch by batch).
        RegisterAsText<Data.Minibatches>();
        RegisterAsText<Data.FashionMnistData>();
        RegisterAsText<Training.TrainingHistory>();
        RegisterAsText<Training.Accumulator>();
        // Network and graph pictures (NetworkDiagram, GraphDiagram) are SVG: shown as HTML in VS Code, Jupyter and executed copies alike.
        Formatter.Register<Plotting.SvgFigure>((f, w) => w.Write(f.Svg), HtmlFormatter.MimeType);
        Formatter.Register<Plotting.Animator>((a, w) => w.Write(a.Chart.ToDisplayString(HtmlFormatter.MimeType)), HtmlFormatter.MimeType);
        // A table as text (Microsoft.Data.Analysis draws its own HTML table in the kernel).
        Formatter.Register<DataFrame>((d, w) => w.Write(TableText.Of(d)), PlainTextFormatter.MimeType);
        foreach (var type in TextToo) Formatter.SetPreferredMimeTypesFor(type, HtmlFormatter.MimeType, PlainTextFormatter.MimeType);
        return true;
    }

    static void RegisterAsText<T>()
    {
        Formatter.Register<T>((v, w) => w.Write(v?.ToString()), PlainTextFormatter.MimeType);
        Formatter.Register<T>((v, w) => w.Write("<pre style=\"margin:0;white-space:pre-wrap\">" + System.Net.WebUtility.HtmlEncode(v?.ToString()) + "</pre>"), HtmlFormatter.MimeType);
    }
}

using Microsoft.DotNet.Interactive.Formatting;
using TorchSharp;

namespace D2lSharp.Display;

/// <summary>Registers the course's notebook formatters: tensors as numpy-style text and as an HTML table.</summary>
public static class NotebookFormatters
{
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
        return true;
    }

    static void RegisterAsText<T>()
    {
        Formatter.Register<T>((v, w) => w.Write(v?.ToString()), PlainTextFormatter.MimeType);
        Formatter.Register<T>((v, w) => w.Write("<pre style=\"margin:0;white-space:pre-wrap\">" + System.Net.WebUtility.HtmlEncode(v?.ToString()) + "</pre>"), HtmlFormatter.MimeType);
    }
}

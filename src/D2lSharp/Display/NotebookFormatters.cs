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
        return true;
    }
}

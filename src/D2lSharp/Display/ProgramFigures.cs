using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Html;
using Plotly.NET;

namespace D2lSharp.Display;

/// <summary>
/// Course plumbing (display in a program): the HTML files a lesson program writes where the notebook draws a chart or a picture,
/// in artifacts/programs/NN/ of the repository (NN from the program's file name), each a page that works offline: charts load
/// the plotly.js that Plotly.NET ships, copied once into the same folder (with its licence).
/// </summary>
internal static partial class ProgramFigures
{
    static readonly object Gate = new();
    static readonly Dictionary<string, int> Counts = new(StringComparer.Ordinal);
    static string? _folder;
    static string? _announceFrom;

    /// <summary>The folder of this program's figures, or null when no lesson program started (see <see cref="StartProgram"/>).</summary>
    public static string? Folder { get { lock (Gate) return _folder; } }

    /// <summary>
    /// Set up by <see cref="Course.Setup"/> in a program run from its .cs file: figures go to artifacts/programs/NN/ (emptied of
    /// the last run's figures), and printed paths are relative to <paramref name="workingFolder"/>, where the learner ran it.
    /// </summary>
    public static void StartProgram(string programFile, string workingFolder)
    {
        string programFolder = Path.GetDirectoryName(Path.GetFullPath(programFile))!;
        string? parent = Path.GetDirectoryName(programFolder);
        string root = parent is not null && File.Exists(Path.Combine(parent, "Course.sln")) ? parent : programFolder;
        string name = Path.GetFileNameWithoutExtension(programFile);
        string number = NumberPrefix().Match(name) is { Success: true } m ? m.Value : name;
        StartIn(Path.Combine(root, "artifacts", "programs", number), workingFolder);
    }

    /// <summary>Figures go to <paramref name="folder"/> from now on (created with the first figure; tests use a temporary folder).</summary>
    public static void StartIn(string folder, string workingFolder)
    {
        lock (Gate)
        {
            if (Directory.Exists(folder))
                foreach (var old in Directory.GetFiles(folder, "*.html").Where(f => OurFile().IsMatch(Path.GetFileName(f))))
                    File.Delete(old);
            Counts.Clear();
            _folder = folder;
            _announceFrom = workingFolder;
        }
    }

    /// <summary>No lesson program any more: figures are not written until the next start (tests end with this).</summary>
    internal static void Stop()
    {
        lock (Gate)
        {
            _folder = null;
            _announceFrom = null;
            Counts.Clear();
        }
    }

    /// <summary>Whether the kernel would draw <paramref name="value"/> as HTML rather than show text: charts and pictures.</summary>
    public static bool IsFigure(object value) => value is GenericChart or Plotting.Animator or Plotting.SvgFigure or IHtmlContent;

    static string Kind(object value) => value is GenericChart or Plotting.Animator ? "chart" : "picture";

    /// <summary>Writes a new figure file (chart-1.html, chart-2.html, picture-1.html, …) and returns its full path.</summary>
    public static string Write(object figure)
    {
        string folder, path;
        lock (Gate)
        {
            folder = _folder ?? Path.Combine(Environment.CurrentDirectory, "artifacts", "programs", AppDomain.CurrentDomain.FriendlyName);
            if (_folder is null) StartIn(folder, Environment.CurrentDirectory);
            string kind = Kind(figure);
            int n = Counts[kind] = Counts.GetValueOrDefault(kind) + 1;
            Directory.CreateDirectory(folder);
            path = Path.Combine(folder, $"{kind}-{n}.html");
        }
        Rewrite(path, figure);
        return path;
    }

    /// <summary>Writes <paramref name="figure"/> to <paramref name="path"/> (a live chart rewrites its file after every point).</summary>
    public static void Rewrite(string path, object figure)
    {
        string html = figure switch
        {
            GenericChart chart => ChartPage(chart, Path.GetDirectoryName(path)!),
            Plotting.Animator animator => ChartPage(animator.Chart, Path.GetDirectoryName(path)!),
            Plotting.SvgFigure svg => Page(svg.Svg),
            IHtmlContent content => Page(Html(content)),
            _ => throw new ArgumentException($"A {figure.GetType().Name} is not a chart or a picture; display it as text.", nameof(figure)),
        };
        string temporary = path + ".tmp";
        File.WriteAllText(temporary, html);
        File.Move(temporary, path, overwrite: true);   // a browser reloading the page never sees half of it
    }

    /// <summary>The line a program prints for a figure: its kind and where it is, relative to where the program was started.</summary>
    public static string Announce(object figure, string path)
    {
        string shown = path;
        lock (Gate)
        {
            if (_announceFrom is not null)
            {
                string relative = Path.GetRelativePath(_announceFrom, path);
                if (!relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative)) shown = relative;
            }
        }
        return $"{Kind(figure)}: {shown}";
    }

    /// <summary>A chart as a page that loads plotly.js from its own folder, where the copy Plotly.NET ships is put once.</summary>
    static string ChartPage(GenericChart chart, string folder)
    {
        string script = PlotlyScript(folder);
        var options = DisplayOptions.setPlotlyReference(PlotlyJSReference.NewCDN(script)).Invoke(new DisplayOptions());
        return GenericChart.toEmbeddedHTML(GenericChart.addDisplayOptions(options, chart));
    }

    /// <summary>Copies plotly.js (and its licence) from Plotly.NET's resources into <paramref name="folder"/>; returns its file name.</summary>
    static string PlotlyScript(string folder)
    {
        var assembly = typeof(GenericChart).Assembly;
        string resource = assembly.GetManifestResourceNames().FirstOrDefault(n => PlotlyResource().IsMatch(n))
            ?? throw new InvalidOperationException($"Plotly.NET {assembly.GetName().Version} ships no plotly.js resource; expected one named like plotly-2.28.0.min.js.");
        string file = resource["Plotly.NET.".Length..];
        foreach (var (name, target) in new[] { (resource, file), (resource + ".LICENSE.txt", file + ".LICENSE.txt") })
        {
            string destination = Path.Combine(folder, target);
            if (File.Exists(destination)) continue;
            using var source = assembly.GetManifestResourceStream(name);
            if (source is null) continue;
            string temporary = destination + "." + Environment.ProcessId + ".tmp";
            using (var output = File.Create(temporary)) source.CopyTo(output);
            File.Move(temporary, destination, overwrite: true);
        }
        return file;
    }

    static string Html(IHtmlContent content)
    {
        using var writer = new StringWriter();
        content.WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
        return writer.ToString();
    }

    static string Page(string body) =>
        $"<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>{WebUtility.HtmlEncode(AppDomain.CurrentDomain.FriendlyName)}</title></head>\n" +
        $"<body style=\"font-family:sans-serif\">\n{body}\n</body></html>\n";

    [GeneratedRegex(@"^\d+")]
    private static partial Regex NumberPrefix();

    [GeneratedRegex(@"^(chart|picture)-\d+\.html$")]
    private static partial Regex OurFile();

    [GeneratedRegex(@"^Plotly\.NET\.plotly-[\d.]+\.min\.js$")]
    private static partial Regex PlotlyResource();
}

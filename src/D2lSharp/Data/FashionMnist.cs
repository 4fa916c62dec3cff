using D2lSharp.Display;
using System.Diagnostics;
using System.Security.Cryptography;
using TorchSharp;
using static TorchSharp.torch;

namespace D2lSharp.Data;

/// <summary>Fashion-MNIST in memory: images float32 (n, 1, 28, 28) scaled to [0, 1], labels int64 (n); <see cref="Source"/> says where it came from.</summary>
public sealed record FashionMnistData(Tensor TrainImages, Tensor TrainLabels, Tensor TestImages, Tensor TestLabels, string Source) : IDisposable
{
    /// <summary>Frees the four tensors.</summary>
    public void Dispose()
    {
        TrainImages.Dispose();
        TrainLabels.Dispose();
        TestImages.Dispose();
        TestLabels.Dispose();
    }

    public override string ToString() =>
        $"Fashion-MNIST: {TrainImages.shape[0]} training and {TestImages.shape[0]} test images of {TrainImages.shape[2]}×{TrainImages.shape[3]}, from {Source}";
}

/// <summary>
/// Course plumbing (data files): the Fashion-MNIST data set (d2l's <c>load_data_fashion_mnist</c>). Finds the four original IDX files locally,
/// or downloads them from the data set's official mirror, verifies their checksums and loads them as tensors.
/// </summary>
public static class FashionMnist
{
    /// <summary>d2l's text labels of the 10 classes, indexed by label.</summary>
    internal static readonly string[] ClassNames =
        ["t-shirt", "trouser", "pullover", "dress", "coat", "sandal", "shirt", "sneaker", "bag", "ankle boot"];

    /// <summary>The official mirror the files are downloaded from when they are nowhere on this machine.</summary>
    internal const string OfficialMirror = "http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/";

    /// <summary>Where Debian's <c>dataset-fashion-mnist</c> package installs the files.</summary>
    internal const string SystemFolder = "/usr/share/datasets/fashion-mnist";

    /// <summary>The four files, as the mirror names them (a folder may hold them gzipped or not).</summary>
    internal static readonly string[] FileNames =
        ["train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz", "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"];

    /// <summary>
    /// SHA-256 of each file's decompressed IDX content. Debian recompressed the .gz files, so hashes of the .gz differ
    /// between sources; the content does not.
    /// </summary>
    internal static readonly IReadOnlyDictionary<string, string> ContentSha256 = new Dictionary<string, string>
    {
        ["train-images-idx3-ubyte.gz"] = "c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888",
        ["train-labels-idx1-ubyte.gz"] = "bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9",
        ["t10k-images-idx3-ubyte.gz"] = "5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b",
        ["t10k-labels-idx1-ubyte.gz"] = "0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34",
    };

    /// <summary>Course plumbing (data); d2l <c>get_fashion_mnist_labels</c>. The text label of each class index in a 1-d tensor.</summary>
    public static string[] TextLabels(Tensor labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        using var scope = NewDisposeScope(); // the cpu/int64 copies
        if (labels.dim() > 1) throw new ArgumentException($"labels must be a 1-d tensor of class indices; got shape {TensorFormatter.Shape(labels)}.", nameof(labels));
        var values = labels.detach().cpu().to_type(ScalarType.Int64).reshape(-1).data<long>().ToArray();
        return values.Select(v => v >= 0 && v < ClassNames.Length
            ? ClassNames[v]
            : throw new ArgumentOutOfRangeException(nameof(labels), v, $"Fashion-MNIST labels are 0..9; got {v}.")).ToArray();
    }

    /// <summary>
    /// Loads the whole data set. Looks for the four files in, in order: <paramref name="folder"/> (if given),
    /// fashion-mnist/ in <see cref="Course.DataFolder"/> (a per-user cache), and /usr/share/datasets/fashion-mnist/
    /// (Debian's dataset-fashion-mnist); otherwise downloads them from the official mirror into the first of those.
    /// Every file's content is checked against its known SHA-256.
    /// </summary>
    public static FashionMnistData Load(string? folder = null) => Load(folder, Sources.Default(), Console.Out);

    /// <summary>Course plumbing (data); d2l <c>load_data_fashion_mnist</c>'s iterators: training minibatches of
    /// <see cref="Minibatches.DataIter"/> shuffled each epoch (seed 0 + epoch), test minibatches in order.</summary>
    public static (Minibatches Train, Minibatches Test) Loaders(FashionMnistData data, int batchSize)
    {
        ArgumentNullException.ThrowIfNull(data);
        return (Minibatches.DataIter(batchSize, data.TrainImages, data.TrainLabels, shuffle: true),
                Minibatches.DataIter(batchSize, data.TestImages, data.TestLabels, shuffle: false));
    }

    /// <summary>Where to look and what to trust; tests replace the defaults (a loopback server, generated files).</summary>
    internal sealed record Sources(IReadOnlyList<string> Folders, string? BaseUrl, string CacheFolder, IReadOnlyDictionary<string, string> Sha256,
        TimeSpan Timeout)
    {
        public static Sources Default()
        {
            string cache = Path.Combine(Course.DataFolder, "fashion-mnist");
            return new Sources([cache, SystemFolder], OfficialMirror, cache, ContentSha256, TimeSpan.FromSeconds(60));
        }
    }

    internal static FashionMnistData Load(string? folder, Sources sources, TextWriter? progress)
    {
        var tried = new List<string>();
        var candidates = new List<string>();
        if (folder is not null)
        {
            if (!Directory.Exists(folder)) tried.Add($"{Path.GetFullPath(folder)} (the folder you named: it does not exist)");
            else candidates.Add(folder);
        }
        candidates.AddRange(sources.Folders);
        foreach (var candidate in candidates.Distinct())
        {
            var paths = FileNames.Select(f => Locate(candidate, f)).ToArray();
            if (paths.All(p => p is not null)) return LoadFiles(paths!, Path.GetFullPath(candidate), sources.Sha256);
            if (Directory.Exists(candidate))
            {
                var missing = FileNames.Where((f, i) => paths[i] is null);
                tried.Add($"{Path.GetFullPath(candidate)} (missing {string.Join(", ", missing)})");
            }
            else tried.Add($"{Path.GetFullPath(candidate)} (no such folder)");
        }

        string? downloadError = null;
        if (sources.BaseUrl is not null)
        {
            try
            {
                var paths = Download(sources, progress);
                return LoadFiles(paths, $"{sources.BaseUrl} (downloaded to {Path.GetFullPath(sources.CacheFolder)})", sources.Sha256);
            }
            // A checksum mismatch or a damaged download (InvalidDataException) is an answer, not a network failure: it propagates.
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or UnauthorizedAccessException
                                      || (e is IOException && e is not InvalidDataException))
            {
                downloadError = e is TaskCanceledException ? $"no answer within {sources.Timeout.TotalSeconds:F0} s" : e.Message;
            }
        }
        throw new FileNotFoundException(
            "Fashion-MNIST was not found. Looked in:\n  " + string.Join("\n  ", tried) + "\n" +
            (sources.BaseUrl is null ? "" : $"Downloading it from {sources.BaseUrl} failed: {downloadError}\n") +
            "To get the data, do one of these:\n" +
            "  • on Debian or Ubuntu: sudo apt-get install dataset-fashion-mnist   (puts the files in " + SystemFolder + ")\n" +
            $"  • copy the four files {string.Join(", ", FileNames)} (from {OfficialMirror}) to {Path.GetFullPath(sources.CacheFolder)}\n" +
            "  • or pass the folder that holds them: FashionMnist.Load(\"/path/to/folder\")");
    }

    /// <summary>A file in a folder, gzipped (the mirror's name) or already decompressed (the name without .gz).</summary>
    static string? Locate(string folder, string gzName)
    {
        foreach (var name in new[] { gzName, gzName[..^3] })
        {
            string path = Path.Combine(folder, name);
            if (File.Exists(path)) return path;
        }
        return null;
    }

    static FashionMnistData LoadFiles(string[] paths, string source, IReadOnlyDictionary<string, string> sha256)
    {
        // The four files are independent; reading them in parallel roughly halves the load time on two cores.
        var contents = new Idx.Content[4];
        Parallel.For(0, 4, i => contents[i] = Idx.Read(paths[i], i % 2 == 0 ? Idx.ImagesMagic : Idx.LabelsMagic));
        for (int i = 0; i < 4; i++) Verify(contents[i], FileNames[i], sha256);
        var (trainImages, trainLabels, testImages, testLabels) = (contents[0], contents[1], contents[2], contents[3]);
        SameLength(trainImages, trainLabels, "training");
        SameLength(testImages, testLabels, "test");
        foreach (var images in new[] { trainImages, testImages })
            if (images.Dimensions[1] != 28 || images.Dimensions[2] != 28)
                throw new InvalidDataException(
                    $"{Path.GetFileName(images.Path)} holds images of {images.Dimensions[1]}×{images.Dimensions[2]}; Fashion-MNIST images are 28×28. File: {images.Path}");
        foreach (var labels in new[] { trainLabels, testLabels })
        {
            int bad = Array.FindIndex(labels.Data, b => b > 9);
            if (bad >= 0)
                throw new InvalidDataException($"{Path.GetFileName(labels.Path)} has label {labels.Data[bad]} at index {bad}; Fashion-MNIST labels are 0..9. File: {labels.Path}");
        }
        return new FashionMnistData(ToImages(trainImages), ToLabels(trainLabels), ToImages(testImages), ToLabels(testLabels), source);
    }

    static void Verify(Idx.Content content, string fileName, IReadOnlyDictionary<string, string> sha256)
    {
        if (sha256.TryGetValue(fileName, out var expected) && !string.Equals(expected, content.Sha256, StringComparison.OrdinalIgnoreCase))
            throw new InvalidDataException(
                $"Checksum mismatch for {Path.GetFileName(content.Path)}: expected SHA-256 {expected} of its decompressed content, got {content.Sha256}. " +
                $"The file is damaged or not the original Fashion-MNIST; delete it and get it again. File: {content.Path}");
    }

    static void SameLength(Idx.Content images, Idx.Content labels, string part)
    {
        if (images.Dimensions[0] != labels.Dimensions[0])
            throw new InvalidDataException(
                $"The {part} images and labels differ in length: {Path.GetFileName(images.Path)} has {images.Dimensions[0]} images, " +
                $"{Path.GetFileName(labels.Path)} has {labels.Dimensions[0]} labels.");
    }

    static Tensor ToImages(Idx.Content c)
    {
        using var scope = NewDisposeScope();
        var bytes = tensor(c.Data, [c.Dimensions[0], 1, c.Dimensions[1], c.Dimensions[2]]);
        return scope.MoveToOuter(bytes.to_type(ScalarType.Float32).div_(255f));
    }

    static Tensor ToLabels(Idx.Content c)
    {
        using var bytes = tensor(c.Data, [c.Dimensions[0]]);
        return bytes.to_type(ScalarType.Int64);
    }

    /// <summary>Downloads the four files into the cache folder, each verified before it is kept.</summary>
    static string[] Download(Sources sources, TextWriter? progress)
    {
        Directory.CreateDirectory(sources.CacheFolder);
        using var http = new HttpClient { Timeout = sources.Timeout };
        var paths = new string[FileNames.Length];
        for (int i = 0; i < FileNames.Length; i++)
        {
            string name = FileNames[i], target = Path.Combine(sources.CacheFolder, name);
            paths[i] = target;
            if (File.Exists(target)) continue;
            string url = sources.BaseUrl!.TrimEnd('/') + "/" + name, partial = target + ".part";
            var watch = Stopwatch.StartNew();
            using (var response = http.Send(new HttpRequestMessage(HttpMethod.Get, url), HttpCompletionOption.ResponseHeadersRead))
            {
                if (!response.IsSuccessStatusCode)
                    throw new HttpRequestException($"{url} answered {(int)response.StatusCode} {response.ReasonPhrase}.");
                long? total = response.Content.Headers.ContentLength;
                using var body = response.Content.ReadAsStream();
                using var file = File.Create(partial);
                var buffer = new byte[1 << 16];
                long done = 0;
                int lastDecile = -1;
                progress?.WriteLine($"Downloading {url}{(total is long t ? $" ({t / 1e6:F1} MB)" : "")}");
                for (int n; (n = body.Read(buffer)) > 0;)
                {
                    file.Write(buffer, 0, n);
                    done += n;
                    int decile = total is long size && size > 0 ? (int)(10 * done / size) : -1;
                    if (decile > lastDecile && decile < 10)
                    {
                        progress?.WriteLine($"  {name}: {10 * decile,3}% ({done / 1e6:F1} of {total!.Value / 1e6:F1} MB)");
                        lastDecile = decile;
                    }
                }
                progress?.WriteLine($"  {name}: 100% ({done / 1e6:F1} MB in {watch.Elapsed.TotalSeconds:F1} s)");
            }
            try
            {
                Verify(Idx.Read(partial, i % 2 == 0 ? Idx.ImagesMagic : Idx.LabelsMagic), name, sources.Sha256);
            }
            catch
            {
                File.Delete(partial);
                throw;
            }
            File.Move(partial, target, overwrite: true);
        }
        progress?.WriteLine($"Fashion-MNIST cached in {Path.GetFullPath(sources.CacheFolder)}; later loads read it from there.");
        return paths;
    }
}

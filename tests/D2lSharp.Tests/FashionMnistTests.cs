using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using D2lSharp.Data;
using static TorchSharp.torch;

namespace D2lSharp.Tests;

/// <summary>The IDX reader and Fashion-MNIST loader, on small generated files and on the installed data set.</summary>
public sealed class FashionMnistTests : IDisposable
{
    readonly string _dir = Directory.CreateTempSubdirectory("d2lsharp-fmnist-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    static byte[] BigEndian(params int[] values) => values.SelectMany(v => new[] { (byte)(v >> 24), (byte)(v >> 16), (byte)(v >> 8), (byte)v }).ToArray();

    /// <summary>An IDX images file whose pixel k of image i is (i + k) mod 256.</summary>
    static byte[] ImagesFile(int n, int rows = 28, int cols = 28) =>
        [.. BigEndian(Idx.ImagesMagic, n, rows, cols), .. Enumerable.Range(0, n * rows * cols).Select(k => (byte)(k / (rows * cols) + k % (rows * cols)))];

    static byte[] LabelsFile(int n) => [.. BigEndian(Idx.LabelsMagic, n), .. Enumerable.Range(0, n).Select(i => (byte)(i % 10))];

    static byte[] Gzip(byte[] content)
    {
        var output = new MemoryStream();
        using (var gz = new GZipStream(output, CompressionLevel.Fastest)) gz.Write(content);
        return output.ToArray();
    }

    static string Sha(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    string Write(string name, byte[] bytes)
    {
        string path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>A tiny Fashion-MNIST look-alike: the four files (gzipped) and the SHA-256 of their content.</summary>
    static (Dictionary<string, byte[]> Files, Dictionary<string, string> Sha) TinySet(int train = 6, int test = 4, int trainLabels = -1)
    {
        var contents = new[] { ImagesFile(train), LabelsFile(trainLabels < 0 ? train : trainLabels), ImagesFile(test), LabelsFile(test) };
        var files = new Dictionary<string, byte[]>();
        var sha = new Dictionary<string, string>();
        for (int i = 0; i < 4; i++)
        {
            files[FashionMnist.FileNames[i]] = Gzip(contents[i]);
            sha[FashionMnist.FileNames[i]] = Sha(contents[i]);
        }
        return (files, sha);
    }

    FashionMnist.Sources NoWhere(Dictionary<string, string> sha, string? baseUrl = null) =>
        new([], baseUrl, Path.Combine(_dir, "cache"), sha, TimeSpan.FromSeconds(10));

    [Fact]
    public void Idx_reads_images_and_labels_gzipped_or_not()
    {
        var raw = Idx.ReadImages(Write("images", ImagesFile(3, 4, 5)));
        var gz = Idx.ReadImages(Write("images.gz", Gzip(ImagesFile(3, 4, 5))));
        using (raw) using (gz)
        {
            Assert.Equal(new long[] { 3, 4, 5 }, raw.shape);
            Assert.Equal(ScalarType.Byte, raw.dtype);
            Assert.Equal(raw.data<byte>().ToArray(), gz.data<byte>().ToArray());
            Assert.Equal(2 + 7, raw[2, 1, 2].item<byte>()); // image 2, pixel 1·5 + 2
        }
        using var labels = Idx.ReadLabels(Write("labels.gz", Gzip(LabelsFile(12))));
        Assert.Equal(ScalarType.Int64, labels.dtype);
        Assert.Equal(new long[] { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1 }, labels.data<long>().ToArray());
    }

    [Fact]
    public void Idx_says_how_a_truncated_file_falls_short()
    {
        var bytes = ImagesFile(3, 4, 4)[..(16 + 20)];
        var e = Assert.Throws<InvalidDataException>(() => Idx.ReadImages(Write("cut-idx3-ubyte", bytes)));
        Assert.Contains("cut-idx3-ubyte is truncated: header says 3 images of 4×4 = 48 bytes, file has 20", e.Message);
        var labels = Assert.Throws<InvalidDataException>(() => Idx.ReadLabels(Write("cut-labels.gz", Gzip(LabelsFile(10)[..12]))));
        Assert.Contains("header says 10 labels = 10 bytes, file has 4", labels.Message);
        var header = Assert.Throws<InvalidDataException>(() => Idx.ReadImages(Write("short-header", BigEndian(Idx.ImagesMagic, 3))));
        Assert.Contains("header needs 16 bytes, the file has 8", header.Message);
    }

    [Fact]
    public void Idx_rejects_a_gzip_stream_cut_in_the_middle()
    {
        var gz = Gzip(ImagesFile(50));
        var e = Assert.ThrowsAny<InvalidDataException>(() => Idx.ReadImages(Write("broken.gz", gz[..(gz.Length / 2)])));
        Assert.Contains("broken.gz", e.Message);
    }

    [Fact]
    public void Idx_names_the_wrong_magic_number()
    {
        string labels = Write("labels-idx1-ubyte", LabelsFile(5));
        var e = Assert.Throws<InvalidDataException>(() => Idx.ReadImages(labels));
        Assert.Contains("labels-idx1-ubyte is not an IDX images file: magic number 2049 (0x00000801), expected 2051", e.Message);
        Assert.Contains("that is a labels file", e.Message);
        var junk = Assert.Throws<InvalidDataException>(() => Idx.ReadLabels(Write("junk", "PK\u0003\u0004 not idx"u8.ToArray())));
        Assert.Contains("expected 2049", junk.Message);
    }

    [Fact]
    public void Idx_rejects_extra_bytes_and_missing_files()
    {
        var e = Assert.Throws<InvalidDataException>(() => Idx.ReadLabels(Write("long", [.. LabelsFile(4), 1, 2])));
        Assert.Contains("4 data bytes expected, 6 found (2 extra)", e.Message);
        Assert.Throws<FileNotFoundException>(() => Idx.ReadLabels(Path.Combine(_dir, "nothing-here")));
    }

    [Fact]
    public void Load_reads_a_named_folder_into_scaled_float_tensors()
    {
        var (files, sha) = TinySet();
        foreach (var (name, bytes) in files) Write(name, bytes);
        using var data = FashionMnist.Load(_dir, NoWhere(sha), progress: null);
        Assert.Equal(new long[] { 6, 1, 28, 28 }, data.TrainImages.shape);
        Assert.Equal(new long[] { 4, 1, 28, 28 }, data.TestImages.shape);
        Assert.Equal(ScalarType.Float32, data.TrainImages.dtype);
        Assert.Equal(ScalarType.Int64, data.TestLabels.dtype);
        Assert.Equal(255f / 255f, data.TrainImages.max().item<float>());
        Assert.Equal(0f, data.TrainImages.min().item<float>());
        Assert.Equal(7f / 255f, data.TrainImages[0, 0, 0, 7].item<float>(), 6);
        Assert.Equal(Path.GetFullPath(_dir), data.Source);
        Assert.Equal(["t-shirt", "trouser", "pullover", "dress"], FashionMnist.TextLabels(data.TestLabels));
    }

    [Fact]
    public void Load_searches_the_named_folder_then_the_course_data_folder_then_the_system_folder()
    {
        var defaults = FashionMnist.Sources.Default();
        Assert.Equal([Path.Combine(Course.DataFolder, "fashion-mnist"), FashionMnist.SystemFolder], defaults.Folders);
        Assert.Equal(defaults.Folders[0], defaults.CacheFolder);
        Assert.Equal(FashionMnist.OfficialMirror, defaults.BaseUrl);

        // Two complete copies: the folder the user names wins over the search list.
        var (small, smallSha) = TinySet(train: 3, test: 2);
        var (large, largeSha) = TinySet(train: 5, test: 2);
        string named = Directory.CreateDirectory(Path.Combine(_dir, "named")).FullName;
        string listed = Directory.CreateDirectory(Path.Combine(_dir, "listed")).FullName;
        foreach (var (name, bytes) in small) File.WriteAllBytes(Path.Combine(named, name), bytes);
        foreach (var (name, bytes) in large) File.WriteAllBytes(Path.Combine(listed, name), bytes);
        var sources = new FashionMnist.Sources([listed], null, Path.Combine(_dir, "cache"), new Dictionary<string, string>(), TimeSpan.FromSeconds(1));
        using (var fromNamed = FashionMnist.Load(named, sources, progress: null))
            Assert.Equal((named, 3L), (fromNamed.Source, fromNamed.TrainImages.shape[0]));
        using (var fromList = FashionMnist.Load(null, sources, progress: null))
            Assert.Equal((listed, 5L), (fromList.Source, fromList.TrainImages.shape[0]));
    }

    [Fact]
    public void Load_accepts_files_that_are_already_decompressed()
    {
        var (files, sha) = TinySet();
        foreach (var (name, bytes) in files)
        {
            using var gz = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
            using var raw = new MemoryStream();
            gz.CopyTo(raw);
            Write(name[..^3], raw.ToArray());
        }
        using var data = FashionMnist.Load(_dir, NoWhere(sha), progress: null);
        Assert.Equal(6, data.TrainLabels.shape[0]);
    }

    [Fact]
    public void Load_reports_a_checksum_mismatch_with_file_expected_and_actual()
    {
        var (files, sha) = TinySet();
        foreach (var (name, bytes) in files) Write(name, bytes);
        string actual = sha["t10k-labels-idx1-ubyte.gz"];
        sha["t10k-labels-idx1-ubyte.gz"] = new string('0', 64);
        var e = Assert.Throws<InvalidDataException>(() => FashionMnist.Load(_dir, NoWhere(sha), progress: null));
        Assert.Contains("Checksum mismatch for t10k-labels-idx1-ubyte.gz", e.Message);
        Assert.Contains($"expected SHA-256 {new string('0', 64)}", e.Message);
        Assert.Contains($"got {actual}", e.Message);
    }

    [Fact]
    public void Load_rejects_labels_and_images_of_different_lengths()
    {
        var (files, sha) = TinySet(train: 6, trainLabels: 5);
        foreach (var (name, bytes) in files) Write(name, bytes);
        var e = Assert.Throws<InvalidDataException>(() => FashionMnist.Load(_dir, NoWhere(sha), progress: null));
        Assert.Contains("training images and labels differ in length: train-images-idx3-ubyte.gz has 6 images, train-labels-idx1-ubyte.gz has 5 labels", e.Message);
    }

    [Fact]
    public void Load_explains_how_to_get_the_data_when_it_is_nowhere_and_cannot_be_downloaded()
    {
        var (_, sha) = TinySet();
        string empty = Directory.CreateDirectory(Path.Combine(_dir, "empty")).FullName;
        var sources = new FashionMnist.Sources([empty, Path.Combine(_dir, "absent")], $"http://127.0.0.1:{FreePort()}/",
            Path.Combine(_dir, "cache"), sha, TimeSpan.FromSeconds(10));
        var e = Assert.Throws<FileNotFoundException>(() => FashionMnist.Load(Path.Combine(_dir, "typo"), sources, progress: null));
        Assert.Contains("Fashion-MNIST was not found", e.Message);
        Assert.Contains("typo (the folder you named: it does not exist)", e.Message);
        Assert.Contains($"{empty} (missing train-images-idx3-ubyte.gz", e.Message);
        Assert.Contains("absent (no such folder)", e.Message);
        Assert.Contains("Downloading it from http://127.0.0.1:", e.Message);
        Assert.Contains("sudo apt-get install dataset-fashion-mnist", e.Message);
        Assert.Contains("copy the four files", e.Message);
        Assert.Contains("FashionMnist.Load(\"/path/to/folder\")", e.Message);
    }

    [Fact]
    public void Load_downloads_verifies_and_caches_the_files_with_progress()
    {
        var (files, sha) = TinySet(train: 400, test: 100);
        using var server = new LoopbackServer(files);
        var progress = new StringWriter();
        using (var data = FashionMnist.Load(null, NoWhere(sha, server.BaseUrl), progress))
        {
            Assert.Equal(400, data.TrainImages.shape[0]);
            Assert.StartsWith(server.BaseUrl, data.Source);
        }
        Assert.Equal(4, server.Requests.Count);
        string log = progress.ToString();
        Assert.Contains($"Downloading {server.BaseUrl}train-images-idx3-ubyte.gz", log);
        Assert.Contains("train-images-idx3-ubyte.gz: 100%", log);
        Assert.Contains("cached in", log);
        foreach (var name in FashionMnist.FileNames)
            Assert.Equal(files[name], File.ReadAllBytes(Path.Combine(_dir, "cache", name)));
        // A second load finds the cache and asks the server for nothing.
        using (FashionMnist.Load(null, NoWhere(sha, server.BaseUrl), progress: null)) { }
        Assert.Equal(4, server.Requests.Count);
    }

    [Fact]
    public void Load_keeps_no_download_that_fails_its_checksum()
    {
        var (files, sha) = TinySet();
        var wrong = new Dictionary<string, string>(sha) { ["train-images-idx3-ubyte.gz"] = new string('a', 64) };
        using var server = new LoopbackServer(files);
        var e = Assert.Throws<InvalidDataException>(() => FashionMnist.Load(null, NoWhere(wrong, server.BaseUrl), progress: null));
        Assert.Contains("Checksum mismatch for train-images-idx3-ubyte.gz.part", e.Message);
        Assert.Empty(Directory.GetFiles(Path.Combine(_dir, "cache")));
    }

    [Fact]
    public void Load_reports_a_missing_file_on_the_server()
    {
        var (files, sha) = TinySet();
        files.Remove("t10k-images-idx3-ubyte.gz");
        using var server = new LoopbackServer(files);
        var e = Assert.Throws<FileNotFoundException>(() => FashionMnist.Load(null, NoWhere(sha, server.BaseUrl), progress: null));
        Assert.Contains("t10k-images-idx3-ubyte.gz answered 404", e.Message);
    }

    [Fact]
    public void Load_finds_the_installed_data_set_and_it_is_fashion_mnist()
    {
        Assert.True(Directory.Exists(FashionMnist.SystemFolder),
            $"This test needs Debian's dataset-fashion-mnist in {FashionMnist.SystemFolder} (apt-get install dataset-fashion-mnist).");
        var watch = Stopwatch.StartNew();
        using var data = FashionMnist.Load(FashionMnist.SystemFolder);
        watch.Stop();
        Assert.Equal(new long[] { 60000, 1, 28, 28 }, data.TrainImages.shape);
        Assert.Equal(new long[] { 10000 }, data.TestLabels.shape);
        Assert.InRange(data.TrainImages.max().item<float>(), 0.99f, 1f);
        Assert.Equal(0f, data.TrainImages.min().item<float>());
        using var counts = data.TrainLabels.bincount(null);
        Assert.All(counts.data<long>().ToArray(), c => Assert.Equal(6000, c)); // 6000 of each class
        Assert.Equal("ankle boot", FashionMnist.TextLabels(data.TrainLabels[..1])[0]); // the first training image
        var (train, test) = FashionMnist.Loaders(data, 256);
        Assert.Equal(235, train.Count);
        Assert.Equal(40, test.Count);
        Assert.True(train.Shuffle && !test.Shuffle);
        Console.WriteLine($"Fashion-MNIST loaded in {watch.Elapsed.TotalSeconds:F2} s");
    }

    [Fact]
    public void TextLabels_rejects_labels_outside_the_ten_classes()
    {
        using var labels = tensor(new long[] { 9, 10 });
        Assert.Contains("labels are 0..9; got 10", Assert.Throws<ArgumentOutOfRangeException>(() => FashionMnist.TextLabels(labels)).Message);
    }

    static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>An HTTP server on 127.0.0.1 that serves the given files by name and answers 404 to anything else.</summary>
    sealed class LoopbackServer : IDisposable
    {
        readonly HttpListener _listener = new();
        readonly Task _loop;
        public List<string> Requests { get; } = [];
        public string BaseUrl { get; }

        public LoopbackServer(Dictionary<string, byte[]> files)
        {
            BaseUrl = $"http://127.0.0.1:{FreePort()}/";
            _listener.Prefixes.Add(BaseUrl);
            _listener.Start();
            _loop = Task.Run(async () =>
            {
                while (_listener.IsListening)
                {
                    HttpListenerContext context;
                    try { context = await _listener.GetContextAsync(); }
                    catch (Exception) { return; }
                    string name = context.Request.Url!.AbsolutePath.TrimStart('/');
                    lock (Requests) Requests.Add(name);
                    if (files.TryGetValue(name, out var bytes))
                    {
                        context.Response.ContentLength64 = bytes.Length;
                        await context.Response.OutputStream.WriteAsync(bytes);
                    }
                    else context.Response.StatusCode = 404;
                    context.Response.Close();
                }
            });
        }

        public void Dispose()
        {
            _listener.Stop();
            _listener.Close();
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
    }
}

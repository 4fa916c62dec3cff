using System.IO.Compression;
using System.Security.Cryptography;
using static TorchSharp.torch;

namespace D2lSharp.Data;

/// <summary>
/// Reader for the IDX files MNIST and Fashion-MNIST are distributed in (gzipped or not). It checks the magic number,
/// the dimensions and the length, and says exactly what is wrong with a bad or truncated file. Course plumbing (data files).
/// </summary>
internal static class Idx
{
    /// <summary>Magic number of an IDX file of unsigned bytes with 3 dimensions (images).</summary>
    public const int ImagesMagic = 2051;
    /// <summary>Magic number of an IDX file of unsigned bytes with 1 dimension (labels).</summary>
    public const int LabelsMagic = 2049;

    /// <summary>Reads an IDX image file (magic 2051) as a uint8 tensor of shape (n, rows, cols).</summary>
    public static Tensor ReadImages(string path)
    {
        var content = Read(path, ImagesMagic);
        return tensor(content.Data, [content.Dimensions[0], content.Dimensions[1], content.Dimensions[2]]);
    }

    /// <summary>Reads an IDX label file (magic 2049) as an int64 tensor of shape (n).</summary>
    public static Tensor ReadLabels(string path)
    {
        var content = Read(path, LabelsMagic);
        using var bytes = tensor(content.Data, [content.Dimensions[0]]);
        return bytes.to_type(ScalarType.Int64);
    }

    /// <summary>An IDX file's dimensions, its data bytes, and the SHA-256 of its whole (decompressed) content.</summary>
    internal sealed record Content(string Path, int[] Dimensions, byte[] Data, string Sha256);

    /// <summary>Reads and validates one IDX file of unsigned bytes whose magic number must be <paramref name="expectedMagic"/>.</summary>
    internal static Content Read(string path, int expectedMagic)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (expectedMagic is not (ImagesMagic or LabelsMagic))
            throw new ArgumentOutOfRangeException(nameof(expectedMagic), expectedMagic, $"Only image ({ImagesMagic}) and label ({LabelsMagic}) files are supported.");
        if (!File.Exists(path)) throw new FileNotFoundException($"IDX file not found: {path}", path);

        string name = System.IO.Path.GetFileName(path);
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        bool gzipped = file.ReadByte() == 0x1F & file.ReadByte() == 0x8B;
        file.Position = 0;
        using Stream stream = gzipped ? new GZipStream(file, CompressionMode.Decompress) : file;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        try
        {
            int rank = expectedMagic == ImagesMagic ? 3 : 1;
            string what = rank == 3 ? "images" : "labels";
            var header = new byte[4 + 4 * rank];
            int got = stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
            if (got < 4)
                throw new InvalidDataException($"{name} is truncated: it has {got} bytes{(gzipped ? " after decompression" : "")}, too few for an IDX header ({path}).");
            int magic = BigEndian(header, 0);
            if (magic != expectedMagic)
            {
                string hint = magic switch
                {
                    ImagesMagic => " (that is an images file; was it given where labels were expected?)",
                    LabelsMagic => " (that is a labels file; was it given where images were expected?)",
                    _ => gzipped ? "" : " (the file may be compressed in another format, or not an IDX file at all)",
                };
                throw new InvalidDataException(
                    $"{name} is not an IDX {what} file: magic number {magic} (0x{magic:X8}), expected {expectedMagic} (0x{expectedMagic:X8}){hint}. File: {path}");
            }
            if (got < header.Length)
                throw new InvalidDataException(
                    $"{name} is truncated: the IDX {what} header needs {header.Length} bytes, the file has {got}. File: {path}");
            var dims = new int[rank];
            long count = 1;
            for (int i = 0; i < rank; i++)
            {
                dims[i] = BigEndian(header, 4 + 4 * i);
                if (dims[i] <= 0)
                    throw new InvalidDataException($"{name} has an invalid header: dimension {i} is {dims[i]}; every dimension must be positive. File: {path}");
                count *= dims[i];
            }
            if (count > Array.MaxLength)
                throw new InvalidDataException($"{name} has an implausible header: {string.Join("×", dims)} = {count} bytes. File: {path}");
            hash.AppendData(header);

            var data = new byte[count];
            int read = stream.ReadAtLeast(data, data.Length, throwOnEndOfStream: false);
            if (read < count)
            {
                string layout = rank == 3 ? $"{dims[0]} images of {dims[1]}×{dims[2]}" : $"{dims[0]} labels";
                throw new InvalidDataException(
                    $"{name} is truncated: header says {layout} = {count} bytes, file has {read}{(gzipped ? " (after decompression)" : "")}. " +
                    $"Download or copy it again. File: {path}");
            }
            Span<byte> extra = stackalloc byte[4096];
            long surplus = 0;
            for (int n; (n = stream.Read(extra)) > 0;) surplus += n;
            if (surplus > 0)
                throw new InvalidDataException(
                    $"{name} is longer than its header says: {count} data bytes expected, {count + surplus} found ({surplus} extra). File: {path}");
            hash.AppendData(data);
            return new Content(path, dims, data, Convert.ToHexStringLower(hash.GetHashAndReset()));
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or IOException && e is not FileNotFoundException
                                  && !e.Message.StartsWith(name, StringComparison.Ordinal))
        {
            throw new InvalidDataException($"{name} could not be read{(gzipped ? " as gzip" : "")}: {e.Message} The file is damaged; download or copy it again. File: {path}", e);
        }
    }

    static int BigEndian(byte[] b, int offset) => System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(b.AsSpan(offset, 4));
}

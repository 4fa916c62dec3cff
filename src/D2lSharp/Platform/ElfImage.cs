using System.Buffers.Binary;
using System.Text;

namespace D2lSharp.Platform;

/// <summary>
/// Just enough of an ELF64 little-endian shared object to read and rewrite its symbol-version tables
/// (.gnu.version_d, .gnu.version_r, .gnu.version). Used to adapt libLibTorchSharp.so to an older libstdc++.
/// </summary>
internal sealed class ElfImage
{
    const uint ShtDynSym = 11, ShtVerDef = 0x6ffffffd, ShtVerNeed = 0x6ffffffe, ShtVerSym = 0x6fffffff;

    public byte[] Bytes { get; }
    public string Path { get; }
    readonly List<Section> _sections = new();

    readonly record struct Section(uint Type, long Offset, long Size, int Link, int Info);

    /// <summary>A version a library asks of one of its dependencies (an entry of .gnu.version_r).</summary>
    public readonly record struct VersionNeed(string File, string Name, int Index, uint Hash, uint NameOffset, long EntryOffset);

    public ElfImage(string path)
    {
        Path = path;
        Bytes = File.ReadAllBytes(path);
        if (Bytes.Length < 64 || Bytes[0] != 0x7f || Bytes[1] != (byte)'E' || Bytes[2] != (byte)'L' || Bytes[3] != (byte)'F')
            throw new InvalidDataException($"{path} is not an ELF file (expected the magic bytes 7F 45 4C 46).");
        if (Bytes[4] != 2 || Bytes[5] != 1)
            throw new InvalidDataException($"{path} is not a 64-bit little-endian ELF file (class {Bytes[4]}, data {Bytes[5]}).");
        long shoff = (long)U64(0x28);
        int shentsize = U16(0x3A), shnum = U16(0x3C);
        if (shoff <= 0 || shentsize < 64 || shoff + (long)shentsize * shnum > Bytes.Length)
            throw new InvalidDataException($"{path}: section header table lies outside the file (truncated?).");
        for (int i = 0; i < shnum; i++)
        {
            long h = shoff + (long)i * shentsize;
            _sections.Add(new Section(U32(h + 4), (long)U64(h + 24), (long)U64(h + 32), (int)U32(h + 40), (int)U32(h + 44)));
        }
    }

    Section? Find(uint type) => _sections.FirstOrDefault(s => s.Type == type) is { Type: not 0 } s ? s : null;

    string Str(Section strtab, long offset)
    {
        long start = strtab.Offset + offset, end = start;
        while (end < Bytes.Length && Bytes[end] != 0) end++;
        return Encoding.ASCII.GetString(Bytes, (int)start, (int)(end - start));
    }

    /// <summary>The version names this library defines (e.g. GLIBCXX_3.4.30 for libstdc++).</summary>
    public HashSet<string> DefinedVersions()
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        if (Find(ShtVerDef) is not { } vd) return result;
        var strtab = _sections[vd.Link];
        long p = vd.Offset;
        for (int i = 0; i < vd.Info; i++)
        {
            uint aux = U32(p + 12), next = U32(p + 16);
            result.Add(Str(strtab, U32(p + aux)));
            if (next == 0) break;
            p += next;
        }
        return result;
    }

    /// <summary>The versions this library needs from its dependencies.</summary>
    public List<VersionNeed> NeededVersions()
    {
        var result = new List<VersionNeed>();
        if (Find(ShtVerNeed) is not { } vn) return result;
        var strtab = _sections[vn.Link];
        long p = vn.Offset;
        for (int i = 0; i < vn.Info; i++)
        {
            int cnt = U16(p + 2);
            string file = Str(strtab, U32(p + 4));
            long a = p + U32(p + 8);
            for (int j = 0; j < cnt; j++)
            {
                uint hash = U32(a), nameOff = U32(a + 8);
                result.Add(new VersionNeed(file, Str(strtab, nameOff), U16(a + 6), hash, nameOff, a));
                uint anext = U32(a + 12);
                if (anext == 0) break;
                a += anext;
            }
            uint next = U32(p + 12);
            if (next == 0) break;
            p += next;
        }
        return result;
    }

    /// <summary>Names of the dynamic symbols bound to the given version index.</summary>
    public List<(int Index, string Name, bool Defined)> SymbolsOfVersion(int versionIndex)
    {
        var result = new List<(int, string, bool)>();
        if (Find(ShtVerSym) is not { } vs || Find(ShtDynSym) is not { } ds) return result;
        var strtab = _sections[ds.Link];
        long count = ds.Size / 24;
        for (int i = 0; i < count; i++)
        {
            if ((U16(vs.Offset + 2L * i) & 0x7fff) != versionIndex) continue;
            long s = ds.Offset + 24L * i;
            result.Add((i, Str(strtab, U32(s)), U16(s + 6) != 0));
        }
        return result;
    }

    /// <summary>Makes a needed version entry name another version (copying its hash and name).</summary>
    public void RenameNeed(VersionNeed need, VersionNeed replacement)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(Bytes.AsSpan((int)need.EntryOffset), replacement.Hash);
        BinaryPrimitives.WriteUInt32LittleEndian(Bytes.AsSpan((int)need.EntryOffset + 8), replacement.NameOffset);
    }

    /// <summary>Marks a dynamic symbol as unversioned (global).</summary>
    public void ClearSymbolVersion(int symbolIndex)
    {
        var vs = Find(ShtVerSym) ?? throw new InvalidDataException($"{Path} has no .gnu.version section.");
        BinaryPrimitives.WriteUInt16LittleEndian(Bytes.AsSpan((int)(vs.Offset + 2L * symbolIndex)), 1);
    }

    ushort U16(long o) => BinaryPrimitives.ReadUInt16LittleEndian(Bytes.AsSpan((int)o));
    uint U32(long o) => BinaryPrimitives.ReadUInt32LittleEndian(Bytes.AsSpan((int)o));
    ulong U64(long o) => BinaryPrimitives.ReadUInt64LittleEndian(Bytes.AsSpan((int)o));
}

namespace D2lSharp.Platform;

/// <summary>
/// Course plumbing: the per-user folder where the course keeps what it downloads or writes once per machine (the
/// Fashion-MNIST files, the patched native library). The platform's own cache location: %LOCALAPPDATA%\d2lsharp on
/// Windows, ~/Library/Caches/d2lsharp on macOS, $XDG_CACHE_HOME/d2lsharp or ~/.cache/d2lsharp elsewhere;
/// the environment variable D2LSHARP_CACHE overrides all three.
/// </summary>
public static class UserCache
{
    public const string EnvironmentVariable = "D2LSHARP_CACHE";

    /// <summary>The cache root (not created).</summary>
    public static string Root
    {
        get
        {
            string? overridden = Environment.GetEnvironmentVariable(EnvironmentVariable);
            if (!string.IsNullOrWhiteSpace(overridden)) return Path.GetFullPath(overridden);
            if (OperatingSystem.IsWindows())
                return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "d2lsharp");
            string home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            if (OperatingSystem.IsMacOS()) return Path.Combine(home, "Library", "Caches", "d2lsharp");
            string? xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
            return Path.Combine(string.IsNullOrEmpty(xdg) ? Path.Combine(home, ".cache") : xdg, "d2lsharp");
        }
    }

    /// <summary>A named folder under the cache root (not created).</summary>
    public static string Folder(string name) => Path.Combine(Root, name);
}

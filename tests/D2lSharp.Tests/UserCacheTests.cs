using D2lSharp.Platform;

namespace D2lSharp.Tests;

public class UserCacheTests
{
    [Fact]
    public void The_cache_is_the_platforms_own_folder_and_the_environment_variable_overrides_it()
    {
        string? saved = Environment.GetEnvironmentVariable(UserCache.EnvironmentVariable);
        try
        {
            Environment.SetEnvironmentVariable(UserCache.EnvironmentVariable, null);
            string root = UserCache.Root;
            Assert.Equal("d2lsharp", Path.GetFileName(root));
            if (OperatingSystem.IsLinux())
                Assert.Equal(Path.Combine(Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg ? xdg
                    : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache"), "d2lsharp"), root);
            string elsewhere = Path.Combine(Path.GetTempPath(), "d2l-cache-test");
            Environment.SetEnvironmentVariable(UserCache.EnvironmentVariable, elsewhere);
            Assert.Equal(Path.Combine(elsewhere, "native"), UserCache.Folder("native"));
        }
        finally { Environment.SetEnvironmentVariable(UserCache.EnvironmentVariable, saved); }
    }
}

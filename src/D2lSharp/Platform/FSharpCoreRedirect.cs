using System.Reflection;
using System.Runtime.Loader;

namespace D2lSharp.Platform;

/// <summary>
/// Plotly.NET 6 is built against FSharp.Core 10.1, but the Polyglot kernel has already loaded its own
/// FSharp.Core 10.0. Without help, the first chart throws FileNotFoundException for FSharp.Core 10.1.0.0.
/// This answers any failed FSharp.Core request with the FSharp.Core already in the process.
/// </summary>
public static class FSharpCoreRedirect
{
    static int _installed;

    /// <summary>Installs the handler once; later calls do nothing. Returns true on the first call.</summary>
    public static bool Install()
    {
        if (Interlocked.Exchange(ref _installed, 1) == 1) return false;
        AssemblyLoadContext.Default.Resolving += Resolve;
        return true;
    }

    static Assembly? Resolve(AssemblyLoadContext context, AssemblyName name) =>
        name.Name == "FSharp.Core"
            ? AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(a => a.GetName().Name == "FSharp.Core")
            : null;
}

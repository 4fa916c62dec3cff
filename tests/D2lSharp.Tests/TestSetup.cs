using System.Runtime.CompilerServices;

namespace D2lSharp.Tests;

static class TestSetup
{
    /// <summary>Tests use the same setup call as the notebooks, before any test touches torch.</summary>
    [ModuleInitializer]
    internal static void Init() => Course.Setup();
}

using System.Runtime.CompilerServices;

// Test classes run one after another: torch's random generator is global to the process, and tests that seed it and
// expect the same numbers back (or statistics of seeded draws) must not have another class drawing in between.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace D2lSharp.Tests;

static class TestSetup
{
    /// <summary>Tests use the same setup call as the notebooks, before any test touches torch.</summary>
    [ModuleInitializer]
    internal static void Init() => Course.Setup();
}

using ModelPackTools.Archives;

namespace ModelPackTools.Core.Tests.Architecture;

/// <summary>
/// The compressed bytes must not depend on the runtime's zlib-ng (its output varies with its version and the CPU
/// features it detects), so the engine does not even reference System.IO.Compression: the compiler only records an
/// assembly reference when a type from it is used, so any DeflateStream or ZLibStream creeping back fails this test.
/// </summary>
public sealed class DeflateDependencyTests
{
    [Fact]
    public void The_engine_does_not_reference_System_IO_Compression()
    {
        var references = typeof(ParallelGzipStream).Assembly.GetReferencedAssemblies().Select(a => a.Name).ToArray();

        Assert.DoesNotContain("System.IO.Compression", references);
        Assert.Contains("ICSharpCode.SharpZipLib", references);
    }

    [Fact]
    public void Facts_name_the_projects_own_deflate() =>
        Assert.Equal("modelpack deflate 3", BlockCompressor.Implementation);
}

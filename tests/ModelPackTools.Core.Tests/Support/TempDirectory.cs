namespace ModelPackTools.Core.Tests.Support;

/// <summary>A folder under the system temp directory, deleted with everything in it when the test ends.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        this.Path = Directory.CreateTempSubdirectory("modelpack-test-").FullName;
    }

    public string Path { get; }

    public string Write(string relative, string content = "data")
    {
        var full = System.IO.Path.Combine(this.Path, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
        return full;
    }

    public string Combine(string relative) => System.IO.Path.Combine(this.Path, relative);

    public void Dispose() => Directory.Delete(this.Path, recursive: true);
}

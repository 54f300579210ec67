using System.Text;
using ModelPackTools.Hashing;
using ModelPackTools.Manifests;

namespace ModelPackTools.S3.Tests;

/// <summary>A small layout folder in a temporary directory, and a manifest of it written with Core's writer.</summary>
internal sealed class TestLayout : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("mpk-s3-test-").FullName;

    public TestLayout()
    {
        Directory.CreateDirectory(this.Model);
    }

    public string Model => Path.Combine(this.root, "model");

    public string ManifestPath => Path.Combine(this.root, "manifest.csv");

    public string PathOf(string relative) => Path.Combine(this.Model, relative);

    public TestLayout With(string relative, string text) => this.With(relative, Encoding.UTF8.GetBytes(text));

    public TestLayout With(string relative, byte[] bytes)
    {
        var path = this.PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return this;
    }

    public string Scratch(string name) => Path.Combine(this.root, name);

    /// <summary>Writes the manifest for the given S3 prefix, with the ETags aws-cli part sizes give.</summary>
    public string WriteManifest(string s3Prefix)
    {
        var files = Directory.GetFiles(this.Model, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var options = new FingerprintOptions(FingerprintKinds.ETag | FingerprintKinds.Crc64Nvme, PartSizePolicy.AwsCli);
        var rows = files.Select(f =>
        {
            var key = Path.GetRelativePath(this.Model, f).Replace('\\', '/');
            var fingerprint = Fingerprinter.ComputeAsync(f, options).GetAwaiter().GetResult();
            return new ManifestRow(s3Prefix + key, key, fingerprint.Length, fingerprint.ETag!, fingerprint.PartSize, fingerprint.PartCount, fingerprint.Crc64Nvme!, string.Empty);
        });
        using (var stream = File.Create(this.ManifestPath))
        {
            ManifestWriter.Write(rows, stream);
        }

        return this.ManifestPath;
    }

    public void Dispose() => Directory.Delete(this.root, recursive: true);
}

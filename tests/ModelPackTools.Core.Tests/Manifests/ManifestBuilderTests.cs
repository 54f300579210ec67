using System.Security.Cryptography;
using ModelPackTools.Core.Tests.Support;
using ModelPackTools.Engine;
using ModelPackTools.Hashing;
using ModelPackTools.Manifests;
using ModelPackTools.Sources;

namespace ModelPackTools.Core.Tests.Manifests;

public sealed class ManifestBuilderTests : IDisposable
{
    private readonly TempDirectory work = new();

    public void Dispose() => this.work.Dispose();

    private static FingerprintOptions Options(PartSizePolicy policy) => new(FingerprintKinds.ETag, policy);

    [Fact]
    public async Task Rows_are_sorted_by_key_with_predicted_etags_for_the_part_size()
    {
        var big = new byte[(11 << 20) + 17];
        new Random(3).NextBytes(big);
        File.WriteAllBytes(this.work.Write("layout/weights/big.bin"), big);
        this.work.Write("layout/a.json", "{}");
        var output = this.work.Combine("manifest.csv");

        var result = await Writers.ManifestAsync(this.work.Combine("layout"), "s3://bucket/models/m/1/", output, Options(PartSizePolicy.Fixed(5 << 20)));

        Assert.True(result.Written);
        var rows = ManifestReader.Read(output);
        Assert.Equal(["a.json", "weights/big.bin"], rows.Select(r => r.Key));
        Assert.Equal("s3://bucket/models/m/1/weights/big.bin", rows[1].S3Uri);
        var parts = Enumerable.Range(0, 3).Select(i => MD5.HashData(big.AsSpan(i * (5 << 20), Math.Min(5 << 20, big.Length - (i * (5 << 20)))))).SelectMany(p => p).ToArray();
        Assert.Equal(Convert.ToHexStringLower(MD5.HashData(parts)) + "-3", rows[1].ETag);
        Assert.Equal((3, 5L << 20), (rows[1].PartCount, rows[1].PartSize));
        Assert.Equal(Convert.ToHexStringLower(MD5.HashData("{}"u8)), rows[0].ETag);
        Assert.Equal(Convert.ToHexStringLower(MD5.HashData(File.ReadAllBytes(output))), result.ManifestFingerprint!.ETag);
    }

    [Fact]
    public async Task Checksums_match_an_independent_fingerprint()
    {
        this.work.Write("layout/x.bin", new string('x', 1000));
        var output = this.work.Combine("manifest.csv");

        await Writers.ManifestAsync(this.work.Combine("layout"), "s3://b/p/", output, Options(PartSizePolicy.AwsCli));
        var expected = await Fingerprinter.ComputeAsync(this.work.Combine("layout/x.bin"), new FingerprintOptions(FingerprintKinds.Crc64Nvme | FingerprintKinds.Sha256, PartSizePolicy.AwsCli));

        var row = Assert.Single(ManifestReader.Read(output));
        Assert.Equal(expected.Crc64Nvme, row.Crc64Nvme);
        Assert.Equal(Convert.ToBase64String(SHA256.HashData(File.ReadAllBytes(this.work.Combine("layout/x.bin")))), row.Sha256);
    }

    [Fact]
    public async Task Keys_with_commas_quotes_and_spaces_survive_the_csv_round_trip()
    {
        var name = "odd, \"quoted\" name.bin";
        this.work.Write($"layout/{name}", "x");
        var output = this.work.Combine("manifest.csv");

        await Writers.ManifestAsync(this.work.Combine("layout"), "s3://b/p/", output, Options(PartSizePolicy.AwsCli));

        Assert.Equal(name, Assert.Single(ManifestReader.Read(output)).Key);
        Assert.Equal(name, Assert.Single(ModelSourceReader.Read(output, new ModelSourceOptions()).Entries).Path);
    }

    [Fact]
    public async Task Prefix_without_trailing_slash_is_refused_and_nothing_is_written()
    {
        this.work.Write("layout/x.bin", "x");

        var result = await Writers.ManifestAsync(this.work.Combine("layout"), "s3://b/p", this.work.Combine("manifest.csv"), Options(PartSizePolicy.AwsCli));

        Assert.False(result.Written);
        Assert.Contains("MPK1007", result.Check.Diagnostics.Select(d => d.Code));
        Assert.False(File.Exists(this.work.Combine("manifest.csv")));
    }

    [Fact]
    public void Manifest_with_a_clash_a_folder_marker_and_a_dot_dot_key_gets_the_check_codes()
    {
        var path = this.work.Write("bad.csv", """
            s3_uri,key,size,etag,part_size,part_count,crc64nvme,sha256
            s3://b/p/config.json,config.json,1,x,1,1,a,b
            s3://b/p/weights,weights,1,x,1,1,a,b
            s3://b/p/weights/part1,weights/part1,1,x,1,1,a,b
            s3://b/p/a/../b,a/../b,1,x,1,1,a,b
            s3://b/p/dir/,dir/,0,x,0,1,a,b
            """);

        var report = ModelPackTools.Extraction.ExtractionSimulator.Simulate(ModelSourceReader.Read(path, new ModelSourceOptions()), new() { Mode = Trees.ExtractionMode.S3PrefixNone });

        Assert.Equal(["MPK1004", "MPK1005", "MPK1006"], report.Diagnostics.Select(d => d.Code).Order());
    }
}

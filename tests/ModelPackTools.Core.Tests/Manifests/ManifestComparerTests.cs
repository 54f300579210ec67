using ModelPackTools.Hashing;
using ModelPackTools.Manifests;

namespace ModelPackTools.Core.Tests.Manifests;

public class ManifestComparerTests
{
    private static readonly ManifestRow Weights = new("s3://b/m/weights.bin", "weights.bin", 10, "abc", 8 << 20, 1, "crc=", "");

    [Fact]
    public void Identical_objects_have_no_differences() =>
        Assert.Empty(ManifestComparer.Compare([Weights], [new ObservedObject("weights.bin", 10, "\"ABC\"", "crc=")]));

    [Fact]
    public void Each_kind_of_difference_is_reported_once_in_path_order()
    {
        var rows = new[]
        {
            Weights,
            Weights with { Key = "a.json" },
            Weights with { Key = "b.json" },
            Weights with { Key = "c.json" },
        };
        var observed = new[]
        {
            new ObservedObject("a.json", 11, "other"),
            new ObservedObject("b.json", 10, "other"),
            new ObservedObject("c.json", 10, "abc", "CRC="),
            new ObservedObject("extra.txt", 1),
        };

        var differences = ManifestComparer.Compare(rows, observed);

        Assert.Equal(
            [("a.json", ManifestDifferenceKind.SizeChanged), ("b.json", ManifestDifferenceKind.ETagChanged), ("c.json", ManifestDifferenceKind.ChecksumChanged),
             ("extra.txt", ManifestDifferenceKind.Extra), ("weights.bin", ManifestDifferenceKind.Missing)],
            differences.Select(d => (d.Path, d.Kind)));
        Assert.Equal("weights.bin: missing", differences[^1].ToString());
    }

    [Theory]
    [InlineData("AAAAAA==-3", "AAAAAA==-3", false)]
    [InlineData("AAAAAA==-3", "AAAAAA==", false)] // a server whose HeadObject leaves the part count off
    [InlineData("AAAAAA==-3", "BBBBBB==-3", true)]
    [InlineData("AAAAAA==", "BBBBBB==", true)]
    public void The_crc32_the_uploader_leaves_is_compared(string recorded, string stored, bool differs)
    {
        var differences = ManifestComparer.Compare([Weights with { Crc64Nvme = "", Crc32 = recorded }], [new ObservedObject("weights.bin", 10, "abc", Crc32: stored)]);
        Assert.Equal(differs, differences.Count == 1);
        if (differs)
        {
            Assert.Equal($"weights.bin: checksum changed: manifest crc32 {recorded}, found crc32 {stored}", differences[0].ToString());
        }
    }

    [Fact]
    public void Values_nobody_recorded_are_not_compared() =>
        Assert.Empty(ManifestComparer.Compare([Weights with { Crc64Nvme = "" }], [new ObservedObject("weights.bin", 10, null, "x")]));

    [Theory]
    [InlineData("0123", 10, 1, false)]
    [InlineData("0123-1", 8 << 20, 1, true)]
    [InlineData("0123-2", (8 << 20) + 1, 2, true)]
    public void Part_sizes_follow_the_form_of_the_recorded_etag(string etag, long size, int parts, bool multipart)
    {
        var row = Weights with { ETag = etag, Size = size, PartCount = parts };
        var plan = ManifestPartSizes.For(row).Resolve(size);
        Assert.Equal(multipart, plan.IsMultipart);
        Assert.Equal(parts, plan.PartCount);
    }

    [Fact]
    public async Task Multipart_row_is_rehashed_with_its_own_part_size()
    {
        // The vector Core's ETag tests use: parts aaaaa, bbbbb, cc.
        var row = Weights with { ETag = "e054baf8a790fa129a28b08515440e3e-3", Size = 12, PartSize = 5, PartCount = 3 };
        var options = new FingerprintOptions(FingerprintKinds.ETag, ManifestPartSizes.For(row));
        var fingerprint = await Fingerprinter.ComputeAsync(new MemoryStream("aaaaabbbbbcc"u8.ToArray()), options);
        Assert.Equal(row.ETag, fingerprint.ETag);
    }
}

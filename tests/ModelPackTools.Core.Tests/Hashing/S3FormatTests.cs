using ModelPackTools.Hashing;

namespace ModelPackTools.Tests.Hashing;

public sealed class S3FormatTests
{
    private static readonly byte[][] Parts = ["aaaaa"u8.ToArray(), "bbbbb"u8.ToArray(), "cc"u8.ToArray()];

    [Fact]
    public void Multipart_etag_known_vector()
    {
        var partMd5s = Parts.Select(p => Reference.Md5(p)).ToArray();
        Assert.Equal("e054baf8a790fa129a28b08515440e3e-3", S3ETag.ForMultipart(partMd5s));
    }

    [Fact]
    public void Single_put_etag_is_the_hex_md5()
    {
        Assert.Equal("d41d8cd98f00b204e9800998ecf8427e", S3ETag.ForSinglePut(Reference.Md5([])));
    }

    [Fact]
    public void One_part_multipart_etag_ends_in_minus_one()
    {
        var data = "model"u8.ToArray();
        var expected = Reference.Md5Hex(Reference.Md5(data)) + "-1";
        Assert.Equal(expected, S3ETag.ForMultipart([Reference.Md5(data)]));
    }

    [Fact]
    public void Crc_values_are_base64_of_big_endian_bytes()
    {
        Assert.Equal("y/Q5Jg==", S3Checksum.Format(0xCBF43926u));
        Assert.Equal("rosUhgp5mIg=", S3Checksum.Format(0xAE8B14860A799888ul));
        Assert.Equal("AAAAAA==", S3Checksum.Format(0u));
    }

    // Expected values computed outside .NET (Python: zlib.crc32, hashlib, bitwise CRC-32C).
    [Fact]
    public void Composite_checksums_known_vectors()
    {
        Assert.Equal("w5Zujw==-3", S3Checksum.Crc32Composite(Parts.Select(p => (uint)CrcAlgorithm.Crc32.Compute(p)).ToArray()));
        Assert.Equal("L0OmpQ==-3", S3Checksum.Crc32CComposite(Parts.Select(p => (uint)CrcAlgorithm.Crc32C.Compute(p)).ToArray()));
        Assert.Equal(
            "anbQBjvVp5Sr5UnUY3wk9oi+3YBkdJQqUodNC5mlcBA=-3",
            S3Checksum.Sha256Composite(Parts.Select(p => Reference.Sha256(p)).ToArray()));
    }

    [Fact]
    public void Composites_need_at_least_one_part()
    {
        Assert.ThrowsAny<ArgumentException>(() => S3ETag.ForMultipart([]));
        Assert.ThrowsAny<ArgumentException>(() => S3Checksum.Crc32Composite([]));
        Assert.ThrowsAny<ArgumentException>(() => S3Checksum.Sha256Composite([]));
    }
}

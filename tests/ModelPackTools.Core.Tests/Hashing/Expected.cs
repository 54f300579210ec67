using System.Buffers.Binary;
using ModelPackTools.Hashing;

namespace ModelPackTools.Tests.Hashing;

// What a fingerprint must be, computed the slow obvious way: digests of the whole array and of array slices.
public static class Expected
{
    public static Fingerprint For(byte[] data, UploadPlan plan)
    {
        var parts = new List<byte[]>();
        for (long offset = 0; offset < data.Length; offset += plan.PartSize)
        {
            parts.Add(data[(int)offset..(int)Math.Min(data.Length, offset + plan.PartSize)]);
        }

        var multipart = plan.IsMultipart;
        var crc32 = S3Checksum.Format((uint)CrcAlgorithm.Crc32.Compute(data));
        var crc32C = S3Checksum.Format((uint)CrcAlgorithm.Crc32C.Compute(data));
        return new Fingerprint
        {
            Length = data.Length,
            IsMultipart = multipart,
            PartSize = plan.PartSize,
            PartCount = plan.PartCount,
            ETag = multipart
                ? $"{Reference.Md5Hex(parts.SelectMany(p => Reference.Md5(p)).ToArray())}-{parts.Count}"
                : Reference.Md5Hex(data),
            Md5Hex = Reference.Md5Hex(data),
            Sha256Hex = Reference.Sha256Hex(data),
            Sha256 = multipart
                ? $"{Convert.ToBase64String(Reference.Sha256(parts.SelectMany(p => Reference.Sha256(p)).ToArray()))}-{parts.Count}"
                : Convert.ToBase64String(Reference.Sha256(data)),
            Crc32 = crc32,
            Crc32Composite = multipart
                ? $"{S3Checksum.Format((uint)CrcAlgorithm.Crc32.Compute(BigEndian(parts.Select(p => (uint)CrcAlgorithm.Crc32.Compute(p)))))}-{parts.Count}"
                : crc32,
            Crc32C = crc32C,
            Crc32CComposite = multipart
                ? $"{S3Checksum.Format((uint)CrcAlgorithm.Crc32C.Compute(BigEndian(parts.Select(p => (uint)CrcAlgorithm.Crc32C.Compute(p)))))}-{parts.Count}"
                : crc32C,
            Crc64Nvme = S3Checksum.Format(CrcAlgorithm.Crc64Nvme.Compute(data)),
        };
    }

    // The same, with what was not asked for left null, as the fingerprinter leaves it.
    public static Fingerprint For(byte[] data, UploadPlan plan, FingerprintKinds kinds)
    {
        var all = For(data, plan);
        string? Want(FingerprintKinds kind, string? value) => kinds.HasFlag(kind) ? value : null;
        return all with
        {
            ETag = Want(FingerprintKinds.ETag, all.ETag),
            Md5Hex = Want(FingerprintKinds.Md5Hex, all.Md5Hex),
            Sha256Hex = Want(FingerprintKinds.Sha256Hex, all.Sha256Hex),
            Sha256 = Want(FingerprintKinds.Sha256, all.Sha256),
            Crc32 = Want(FingerprintKinds.Crc32, all.Crc32),
            Crc32Composite = Want(FingerprintKinds.Crc32Composite, all.Crc32Composite),
            Crc32C = Want(FingerprintKinds.Crc32C, all.Crc32C),
            Crc32CComposite = Want(FingerprintKinds.Crc32CComposite, all.Crc32CComposite),
            Crc64Nvme = Want(FingerprintKinds.Crc64Nvme, all.Crc64Nvme),
        };
    }

    public static byte[] RandomBytes(int length, int seed)
    {
        var data = new byte[length];
        new Random(seed).NextBytes(data);
        return data;
    }

    private static byte[] BigEndian(IEnumerable<uint> values) =>
        values.SelectMany(v =>
        {
            var bytes = new byte[4];
            BinaryPrimitives.WriteUInt32BigEndian(bytes, v);
            return bytes;
        }).ToArray();
}

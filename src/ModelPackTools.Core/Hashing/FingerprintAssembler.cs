namespace ModelPackTools.Hashing;

/// <summary>
/// Turns per-part digests and whole-object digests into the values S3 reports for the plan. Full-object CRCs are
/// folded from the parts with Combine, so they never need a sequential pass of their own.
/// </summary>
internal static class FingerprintAssembler
{
    // The values that depend on where the part boundaries fall.
    public const FingerprintKinds PerPart =
        FingerprintKinds.ETag | FingerprintKinds.Sha256 | FingerprintKinds.Crc32Composite | FingerprintKinds.Crc32CComposite;

    public static Fingerprint Assemble(
        FingerprintKinds kinds, UploadPlan plan, IReadOnlyList<Digests> parts, byte[]? wholeMd5, byte[]? wholeSha256)
    {
        var multipart = plan.IsMultipart;
        if (multipart && parts.Count != plan.PartCount && (kinds & PerPart) != 0)
        {
            throw new InvalidOperationException($"hashed {parts.Count} parts where the plan has {plan.PartCount}.");
        }

        string? Want(FingerprintKinds kind, Func<string> value) => kinds.HasFlag(kind) ? value() : null;
        var crc32 = Fold(parts, p => p.Crc32, CrcCombine.Crc32);
        var crc32C = Fold(parts, p => p.Crc32C, CrcCombine.Crc32C);

        return new Fingerprint
        {
            Length = plan.Length,
            IsMultipart = multipart,
            PartSize = plan.PartSize,
            PartCount = plan.PartCount,
            ETag = Want(
                FingerprintKinds.ETag,
                () => multipart ? S3ETag.ForMultipart(parts.Select(p => p.Md5!).ToArray()) : S3ETag.ForSinglePut(wholeMd5)),
            Md5Hex = Want(FingerprintKinds.Md5Hex, () => Convert.ToHexStringLower(wholeMd5!)),
            Sha256Hex = Want(FingerprintKinds.Sha256Hex, () => Convert.ToHexStringLower(wholeSha256!)),
            Sha256 = Want(
                FingerprintKinds.Sha256,
                () => multipart
                    ? S3Checksum.Sha256Composite(parts.Select(p => p.Sha256!).ToArray())
                    : S3Checksum.Format(wholeSha256)),
            Crc32 = Want(FingerprintKinds.Crc32, () => S3Checksum.Format(crc32)),
            Crc32Composite = Want(
                FingerprintKinds.Crc32Composite,
                () => multipart ? S3Checksum.Crc32Composite(parts.Select(p => p.Crc32).ToArray()) : S3Checksum.Format(crc32)),
            Crc32C = Want(FingerprintKinds.Crc32C, () => S3Checksum.Format(crc32C)),
            Crc32CComposite = Want(
                FingerprintKinds.Crc32CComposite,
                () => multipart ? S3Checksum.Crc32CComposite(parts.Select(p => p.Crc32C).ToArray()) : S3Checksum.Format(crc32C)),
            Crc64Nvme = Want(
                FingerprintKinds.Crc64Nvme, () => S3Checksum.Format(Fold(parts, p => p.Crc64Nvme, CrcCombine.Crc64Nvme))),
        };
    }

    // The CRC of the parts in order; 0 (the CRC of nothing) when there are none.
    private static T Fold<T>(IReadOnlyList<Digests> parts, Func<Digests, T> crc, Func<T, T, long, T> combine)
        where T : struct
    {
        var folded = default(T);
        foreach (var part in parts)
        {
            folded = combine(folded, crc(part), part.Length);
        }

        return folded;
    }
}

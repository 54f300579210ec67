namespace ModelPackTools.Hashing;

/// <summary>
/// How an object of <see cref="Length"/> bytes goes to S3: one PUT, or <see cref="PartCount"/> parts of
/// <see cref="PartSize"/> bytes (the last one shorter). A single PUT is described as one part of the whole length,
/// but its ETag has no "-1" suffix: that is what <see cref="IsMultipart"/> distinguishes.
/// </summary>
public readonly record struct UploadPlan(long Length, bool IsMultipart, long PartSize, int PartCount)
{
    public static UploadPlan SinglePut(long length) => new(length, false, length, 1);

    public static UploadPlan Multipart(long length, long partSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(partSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(length);
        var count = (length + partSize - 1) / partSize;
        if (count > S3Limits.MaxPartCount && MinimumPartSizeFor(length) > S3Limits.MaxPartSize)
        {
            throw new S3LimitException(
                $"{length} bytes do not fit in S3's {S3Limits.MaxPartCount} parts of at most " +
                $"{ByteSize.Format(S3Limits.MaxPartSize)}.");
        }

        if (count > S3Limits.MaxPartCount)
        {
            throw new S3LimitException(
                $"{length} bytes in parts of {ByteSize.Format(partSize)} would be {count} parts; S3 allows " +
                $"{S3Limits.MaxPartCount}. Use a part size of at least {ByteSize.Spell(MinimumPartSizeFor(length))}.");
        }

        return new UploadPlan(length, true, partSize, (int)count);
    }

    // The smallest part size that fits the object into S3's 10,000 parts.
    internal static long MinimumPartSizeFor(long length) => (length + S3Limits.MaxPartCount - 1) / S3Limits.MaxPartCount;
}

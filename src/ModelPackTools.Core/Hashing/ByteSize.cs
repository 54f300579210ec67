using System.Globalization;

namespace ModelPackTools.Hashing;

/// <summary>
/// Sizes as users write them: "5242880", "8MiB", "16MB", "1 GiB". IEC units (KiB, MiB, GiB, TiB) are powers of
/// 1024 and SI units (KB, MB, GB, TB) powers of 1000, case-insensitively, so "16MB" is 16,000,000 bytes.
/// Beware: the AWS CLI's own config parser reads "MB" as MiB, so `multipart_chunksize = 16MB` there is
/// 16,777,216 bytes; write "16MiB" here to mean the same part size.
/// </summary>
public static class ByteSize
{
    private static readonly (string Unit, long Factor)[] Units =
    [
        ("TiB", 1L << 40), ("GiB", 1L << 30), ("MiB", 1L << 20), ("KiB", 1L << 10),
        ("TB", 1_000_000_000_000L), ("GB", 1_000_000_000L), ("MB", 1_000_000L), ("KB", 1_000L),
        ("B", 1L),
    ];

    public static long Parse(string text)
    {
        var trimmed = text.Trim();
        var digits = 0;
        while (digits < trimmed.Length && char.IsAsciiDigit(trimmed[digits]))
        {
            digits++;
        }

        var unit = trimmed[digits..].TrimStart();
        var factor = unit.Length == 0 ? 1 : Units.FirstOrDefault(u => u.Unit.Equals(unit, StringComparison.OrdinalIgnoreCase)).Factor;
        if (digits == 0 || factor == 0
            || !long.TryParse(trimmed.AsSpan(0, digits), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            throw new FormatException(
                $"'{text}' is not a size: write a whole number of bytes, optionally with a unit " +
                "(B, KiB, MiB, GiB, TiB for powers of 1024; KB, MB, GB, TB for powers of 1000), e.g. 8MiB.");
        }

        try
        {
            return checked(number * factor);
        }
        catch (OverflowException)
        {
            throw new FormatException($"'{text}' is too large a size.");
        }
    }

    /// <summary>
    /// A size for people, one format everywhere: bytes below 1 KiB ("512 B"), else one decimal in the largest IEC unit
    /// it reaches ("30.0 MiB" for 31,460,470 bytes, 30 MiB and 30,725 KiB alike). Not exact: where the exact value
    /// matters, a message adds the bytes, or uses <see cref="Spell"/>.
    /// </summary>
    public static string Format(long bytes)
    {
        if (bytes is > -1024 and < 1024)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{bytes} B");
        }

        var unit = Units.Take(4).First(u => Math.Abs(bytes) >= u.Factor);
        return string.Create(CultureInfo.InvariantCulture, $"{(double)bytes / unit.Factor:0.0} {unit.Unit}");
    }

    // The shortest exact spelling that Parse reads back (the largest unit that divides): "8MiB", "16MB", "8724153B".
    // For option values (a part size's name), never for telling people how large something is.
    public static string Spell(long bytes)
    {
        var best = Units[^1];
        foreach (var unit in Units)
        {
            if (bytes != 0 && bytes % unit.Factor == 0 && unit.Factor > best.Factor)
            {
                best = unit;
            }
        }

        return $"{bytes / best.Factor}{best.Unit}";
    }
}

using System.Globalization;
using System.Text;
using ModelPackTools.Diagnostics;

namespace ModelPackTools.Archives;

/// <summary>
/// Compares each PAX record that overrides a ustar field with that field. GNU tar, bsdtar, Python, Go and node-tar
/// read the PAX value; busybox reads the ustar size, uid and gid, and a reader without PAX support reads every ustar
/// field. Real writers leave only two kinds of difference: a value the field cannot hold (0 or the field's largest value in its place) and a
/// name shortened to fit (truncated, a directory's kept '/' after the cut, non-ASCII as '?' or dropped (Go), libarchive's "..." elision and "././@LongSymLink").
/// </summary>
internal static class PaxOverrides
{
    // The largest values octal fields hold: 11 digits for size, 7 for uid and gid.
    private const long MaxOctalSize = (1L << 33) - 1;
    private const long MaxOctalId = (1L << 21) - 1;

    public static void Check(Dictionary<string, byte[]> pax, ReadOnlySpan<byte> header, ReadOnlySpan<byte> ustarName, long ustarSize, List<Diagnostic> found)
    {
        if (pax.TryGetValue("path", out var path) && !NameAgrees(ustarName, path))
        {
            found.Add(DiagnosticCatalog.HeaderOverrideDisagrees.Create(
                null, $"the PAX path '{Show(path)}' and the ustar name '{Show(ustarName)}' name different members; readers without PAX support use the ustar name"));
        }

        var ustarLink = TarHeaderFields.Text(header.Slice(157, 100));
        if (pax.TryGetValue("linkpath", out var link) && !ustarLink.StartsWith("././@"u8) && !NameAgrees(ustarLink, link))
        {
            found.Add(DiagnosticCatalog.HeaderOverrideDisagrees.Create(
                null, $"the PAX linkpath '{Show(link)}' and the ustar link name '{Show(ustarLink)}' name different targets; readers without PAX support use the ustar link name"));
        }

        CheckNumber(pax, "size", ustarSize, MaxOctalSize, found);
        if (TarHeaderFields.TryNumber(header.Slice(108, 8), out var uid))
        {
            CheckNumber(pax, "uid", uid, MaxOctalId, found);
        }

        if (TarHeaderFields.TryNumber(header.Slice(116, 8), out var gid))
        {
            CheckNumber(pax, "gid", gid, MaxOctalId, found);
        }
    }

    private static void CheckNumber(Dictionary<string, byte[]> pax, string key, long ustarValue, long maxOctal, List<Diagnostic> found)
    {
        if (!pax.TryGetValue(key, out var text) ||
            !long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var paxValue) || paxValue == ustarValue)
        {
            return;
        }

        // Python's tarfile writes 0 in the field, GNU tar and this tool's packer the largest octal value.
        if (paxValue > maxOctal && (ustarValue == 0 || ustarValue == maxOctal))
        {
            found.Add(DiagnosticCatalog.PaxOnlyValue.Create(
                null, $"the {key} {paxValue} is only in the PAX header (the ustar field holds {ustarValue}); busybox tar reads {key} {ustarValue}"));
            return;
        }

        var consequence = key == "size"
            ? "busybox tar skips a different amount of data and reads different members"
            : "busybox tar gives the file a different owner";
        found.Add(DiagnosticCatalog.HeaderOverrideDisagrees.Create(
            null, $"the PAX {key} {paxValue} disagrees with the ustar {key} field {ustarValue}: {consequence}"));
    }

    /// <summary>
    /// True when <paramref name="ustar"/> is what a writer puts in the field for <paramref name="pax"/>: the same
    /// bytes or a shortened form of them. '?' stands for one non-ASCII character (Python's tarfile) and "..." for any
    /// run of bytes (libarchive's elision); stopping early is a truncation. Empty means the writer left it blank.
    /// </summary>
    public static bool NameAgrees(ReadOnlySpan<byte> ustar, ReadOnlySpan<byte> pax)
    {
        if (ustar.IsEmpty || ustar.SequenceEqual(pax))
        {
            return true;
        }

        // libarchive cuts a long directory name to fit and puts its '/' back ("./weights/ddd.../" becomes prefix
        // "./weights", name "dd...d/"): a truncation like any other, found by bsdtar 3.6 on a 110-byte folder name.
        if (ustar.Length > 1 && ustar[^1] == (byte)'/' && pax.Length > ustar.Length && pax[^1] == (byte)'/' && Matches(ustar[..^1], pax[..^1], depth: 0))
        {
            return true;
        }

        if (Matches(ustar, pax, depth: 0))
        {
            return true;
        }

        // Go's archive/tar (writer.go, toASCII) drops every non-ASCII character from the ustar field: "données/" is
        // stored as "donnes/". Accepted only when what is left is itself a plain relative name, because dropping can
        // make one a reader without PAX support would extract elsewhere (".é./x" leaves "../x").
        return IsPlainRelative(ustar) && Matches(ustar, pax, depth: 0, dropNonAscii: true);
    }

    private static bool IsPlainRelative(ReadOnlySpan<byte> name)
    {
        if (name.IsEmpty || name[0] == (byte)'/')
        {
            return false;
        }

        foreach (var range in name.Split((byte)'/'))
        {
            if (name[range].SequenceEqual(".."u8))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Matches(ReadOnlySpan<byte> pattern, ReadOnlySpan<byte> text, int depth, bool dropNonAscii = false)
    {
        while (!pattern.IsEmpty)
        {
            if (pattern.StartsWith("..."u8) && depth < 4)
            {
                var rest = pattern[3..];
                for (var skip = 0; skip <= text.Length; skip++)
                {
                    if (Matches(rest, text[skip..], depth + 1, dropNonAscii))
                    {
                        return true;
                    }
                }

                return false;
            }

            if (text.IsEmpty)
            {
                return false;
            }

            if (pattern[0] == (byte)'?' && text[0] >= 0x80)
            {
                pattern = pattern[1..];
                text = text[SequenceLength(text)..];
                continue;
            }

            if (pattern[0] != text[0] && dropNonAscii && text[0] >= 0x80)
            {
                text = text[SequenceLength(text)..];
                continue;
            }

            if (pattern[0] != text[0])
            {
                return false;
            }

            pattern = pattern[1..];
            text = text[1..];
        }

        return true; // the rest of the PAX name was cut off to fit the field
    }

    // One UTF-8 sequence: a lead byte and its continuation bytes.
    private static int SequenceLength(ReadOnlySpan<byte> text)
    {
        var length = 1;
        while (length < text.Length && (text[length] & 0xC0) == 0x80)
        {
            length++;
        }

        return length;
    }

    public static string Show(ReadOnlySpan<byte> name)
    {
        var text = NameDecoder.Decode(name, out _);
        return text.Length > 80 ? text[..77] + "..." : text;
    }
}

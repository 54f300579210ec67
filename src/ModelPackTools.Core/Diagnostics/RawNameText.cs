using System.Buffers;
using System.Text;

namespace ModelPackTools.Diagnostics;

/// <summary>
/// Names as the engine holds them: a string that keeps every stored byte. Valid UTF-8 decodes as usual; each byte that
/// is not part of valid UTF-8 becomes the lone surrogate U+DC00+byte (always U+DC80..U+DCFF, since such a byte is
/// never ASCII). That is Python's `surrogateescape` (PEP 383, what os.fsdecode does on Linux): it is one-to-one, so
/// `caf\xe9.txt` and `caf\xe8.txt` stay two names wherever names are compared, and <see cref="Encode"/> gives the
/// stored bytes back for a tar header or a file name on disk. Lone surrogates cannot be printed, so every name shown
/// to a user goes through <see cref="Display"/>, which writes such a byte as `\xe9`.
/// It lives with the diagnostics, the lowest layer, because diagnostics are where names reach the user.
/// </summary>
public static class RawNameText
{
    private const char FirstEscape = '\uDC80';
    private const char LastEscape = '\uDCFF';

    /// <summary>Decodes stored name bytes; <paramref name="invalid"/> says whether any byte was not UTF-8.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes, out bool invalid)
    {
        invalid = false;
        if (Utf8IsValid(bytes))
        {
            return Encoding.UTF8.GetString(bytes);
        }

        invalid = true;
        var text = new StringBuilder(bytes.Length);
        while (!bytes.IsEmpty)
        {
            var status = Rune.DecodeFromUtf8(bytes, out var rune, out var consumed);
            if (status == OperationStatus.Done)
            {
                text.Append(rune.ToString());
            }
            else
            {
                foreach (var b in bytes[..consumed])
                {
                    text.Append((char)(0xDC00 + b));
                }
            }

            bytes = bytes[consumed..];
        }

        return text.ToString();
    }

    /// <summary>True when the name holds bytes that were not UTF-8 (escaped by <see cref="Decode"/>).</summary>
    public static bool HasRawBytes(string name)
    {
        for (var i = 0; i < name.Length; i++)
        {
            if (IsEscape(name, i))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The stored bytes of a name: UTF-8, with each escaped byte written back as itself.</summary>
    public static byte[] Encode(string name)
    {
        if (!HasRawBytes(name))
        {
            return Encoding.UTF8.GetBytes(name);
        }

        var bytes = new List<byte>(name.Length + 8);
        Span<byte> utf8 = stackalloc byte[4];
        for (var i = 0; i < name.Length; i++)
        {
            if (IsEscape(name, i))
            {
                bytes.Add((byte)(name[i] - 0xDC00));
                continue;
            }

            var pair = char.IsHighSurrogate(name[i]) && i + 1 < name.Length && char.IsLowSurrogate(name[i + 1]);
            var rune = pair ? new Rune(name[i], name[i + 1]) : Rune.IsValid(name[i]) ? new Rune(name[i]) : Rune.ReplacementChar;
            i += pair ? 1 : 0;
            var written = rune.EncodeToUtf8(utf8);
            bytes.AddRange(utf8[..written]);
        }

        return [.. bytes];
    }

    /// <summary>The length of the stored name in bytes (an escaped byte is one byte, not the three of U+FFFD).</summary>
    public static int ByteCount(string name) => HasRawBytes(name) ? Encode(name).Length : Encoding.UTF8.GetByteCount(name);

    /// <summary>The name as shown to a user: each byte that was not UTF-8 as `\xNN` (lower-case hex, as GNU tar and Python print it).</summary>
    public static string Display(string name)
    {
        if (!HasRawBytes(name))
        {
            return name;
        }

        var text = new StringBuilder(name.Length + 16);
        for (var i = 0; i < name.Length; i++)
        {
            if (IsEscape(name, i))
            {
                text.Append("\\x").Append(((int)name[i] - 0xDC00).ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                text.Append(name[i]);
            }
        }

        return text.ToString();
    }

    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(name))]
    public static string? DisplayOrNull(string? name) => name is null ? null : Display(name);

    // A lone low surrogate in the escape range; one that completes a pair is part of a real character.
    private static bool IsEscape(string name, int i) =>
        name[i] is >= FirstEscape and <= LastEscape && (i == 0 || !char.IsHighSurrogate(name[i - 1]));

    private static bool Utf8IsValid(ReadOnlySpan<byte> bytes) => System.Text.Unicode.Utf8.IsValid(bytes);
}

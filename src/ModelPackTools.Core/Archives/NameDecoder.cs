using System.Text;

namespace ModelPackTools.Archives;

/// <summary>
/// Turns stored name bytes into a string without hiding a bad encoding: invalid UTF-8 becomes U+FFFD and is
/// reported, never silently re-read as Latin-1.
/// </summary>
internal static class NameDecoder
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string Decode(ReadOnlySpan<byte> bytes, out bool invalid)
    {
        try
        {
            invalid = false;
            return Strict.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            invalid = true;
            return Encoding.UTF8.GetString(bytes);
        }
    }
}

using ModelPackTools.Diagnostics;

namespace ModelPackTools.Archives;

/// <summary>
/// Turns stored name bytes into the engine's name text without hiding a bad encoding: bytes that are not UTF-8 are
/// kept one-to-one (<see cref="RawNameText"/>) and reported (MPK3007), never replaced by U+FFFD (which made
/// `caf\xe9` and `caf\xe8` one name) nor silently re-read as Latin-1.
/// </summary>
internal static class NameDecoder
{
    public static string Decode(ReadOnlySpan<byte> bytes, out bool invalid) => RawNameText.Decode(bytes, out invalid);
}

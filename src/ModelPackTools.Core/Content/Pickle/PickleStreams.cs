using ModelPackTools.Content.Nesting;
using ModelPackTools.Content.Torch;
using ModelPackTools.Diagnostics;

namespace ModelPackTools.Content.Pickle;

/// <summary>
/// Judges a stream that is pickled content as a whole: one pickle to its STOP and nothing after it, or torch's legacy
/// format (<see cref="TorchLegacyFormat"/>), which is several pickles in a row, recognised by its first pickle being
/// torch's magic number.
/// </summary>
public static class PickleStreams
{
    public static List<Diagnostic> Judge(string path, ReadOnlySpan<byte> data, ContentNesting nesting)
    {
        var first = PickleDisassembler.Disassemble(data, 0, wholeStream: false);
        if (first.Error is null && TorchLegacyFormat.IsMagicNumber(first))
        {
            return TorchLegacyFormat.Judge(path, data, first.End, nesting);
        }

        if (first.Error is null && first.End < data.Length)
        {
            first = first with { Error = "data after STOP", ErrorOffset = first.End };
        }

        return PickleScan.Judge(path, first, nesting);
    }
}

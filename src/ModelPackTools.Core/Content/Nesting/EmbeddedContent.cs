using ModelPackTools.Content.Pickle;
using ModelPackTools.Content.Zip;
using ModelPackTools.Diagnostics;

namespace ModelPackTools.Content.Nesting;

/// <summary>
/// Judges bytes found inside another file (what a loader call unpickles, a container's member) by their content, as
/// the loader that reads them would: a ZIP (torch.load's format since PyTorch 1.6), else a pickle stream, torch's
/// legacy stacked pickles included, or torch's legacy tar (<see cref="Torch.TorchLegacyTar"/>). Every finding names where the bytes were found.
/// </summary>
public static class EmbeddedContent
{
    public static List<Diagnostic> Judge(string path, byte[] data, ContentNesting nesting, string where)
    {
        if (nesting.TooDeep)
        {
            return [DiagnosticCatalog.NestingTooDeep.Create(path, where, $"nested more than {ContentNesting.MaxDepth} levels deep")];
        }

        List<Diagnostic> findings = data is [(byte)'P', (byte)'K', 3, 4, ..]
            ? ZipContentScan.Judge(path, new MemoryStream(data, writable: false), nesting)
            : Torch.UstarHeaders.IsTarHeader(data) && Torch.TorchLegacyTar.Judge(path, new MemoryStream(data, writable: false), nesting) is { } tar ? tar
            : PickleStreams.Judge(path, data, nesting);
        return [.. findings.Select(f => f with { Message = $"{f.Message} (in {where})" })];
    }
}

using System.Numerics;
using ModelPackTools.Content.Nesting;
using ModelPackTools.Content.Pickle;
using ModelPackTools.Diagnostics;

namespace ModelPackTools.Content.Torch;

/// <summary>
/// torch.save's format before PyTorch 1.6 (torch/serialization.py `_legacy_save`, read by `_legacy_load`): five
/// things in a row, the magic number 0x1950a86a20f9469cfc6c, the protocol version 1001 and a sys-info dict (each a
/// small pickle), the object pickle (whose persistent ids name storages by key), the sorted list of storage keys (a
/// pickle), then the storages' raw bytes. The scan judges the four pickles, checks that every key the object pickle
/// uses is in the key list (as `_legacy_load`'s persistent_load needs it), and stops at the raw storages.
/// </summary>
public static class TorchLegacyFormat
{
    private const long ProtocolVersion = 1001;

    private static readonly BigInteger MagicNumber = BigInteger.Parse("1950a86a20f9469cfc6c", System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Whether a complete first pickle is torch's magic number and imports nothing.</summary>
    public static bool IsMagicNumber(PickleDisassembly first) =>
        first.Imports.Count == 0 && first.Value is PickleBigInteger { Value: var value } && value == MagicNumber;

    /// <summary>The findings for the stream after its magic-number pickle (which ends at <paramref name="pos"/>).</summary>
    public static List<Diagnostic> Judge(string path, ReadOnlySpan<byte> data, int pos, ContentNesting nesting)
    {
        var findings = new List<Diagnostic>();
        var parts = new[] { "protocol version", "sys info", "object pickle", "storage key list" };
        var pickles = new List<PickleDisassembly>();
        foreach (var part in parts)
        {
            var pickle = PickleDisassembler.Disassemble(data, pos, wholeStream: false);
            findings.AddRange(PickleScan.Judge(path, pickle, nesting).Select(f => f with { Message = $"{f.Message} (in the legacy torch file's {part})" }));
            if (pickle.Error is not null)
            {
                return findings;
            }

            pickles.Add(pickle);
            pos = pickle.End;
        }

        if (pickles[0].Value is not long version || version != ProtocolVersion)
        {
            findings.Add(DiagnosticCatalog.PickleUnparsable.Create(path, "a legacy torch file whose protocol version is not 1001", pickles[0].End));
            return findings;
        }

        if (pickles[3].Value is not PickleList { Items: var keyItems } || !keyItems.All(k => k is string))
        {
            findings.Add(DiagnosticCatalog.PickleUnparsable.Create(path, "a legacy torch file whose storage key list is not a list of strings", pickles[2].End));
            return findings;
        }

        var keys = keyItems.Cast<string>().ToHashSet(StringComparer.Ordinal);
        foreach (var id in pickles[2].PersistentIds.Where(p => p.StorageKey is not null).DistinctBy(p => p.StorageKey))
        {
            if (!keys.Contains(id.StorageKey!))
            {
                findings.Add(DiagnosticCatalog.TorchStorageMissing.Create(path, "the legacy object pickle", id.StorageKey, id.Offset, id.StorageKey));
            }
        }

        return findings;
    }
}

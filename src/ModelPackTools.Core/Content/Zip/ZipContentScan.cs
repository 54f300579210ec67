using ModelPackTools.Content.Nesting;
using ModelPackTools.Content.Pickle;
using ModelPackTools.Diagnostics;

namespace ModelPackTools.Content.Zip;

/// <summary>The findings for one ZIP file: the container's problems, then each pickle member's imports and parse errors.</summary>
internal static class ZipContentScan
{
    public static List<Diagnostic> Judge(string path, Stream file, ContentNesting nesting)
    {
        var (entries, problem) = ZipDirectory.Read(file);
        if (problem is not null)
        {
            return [DiagnosticCatalog.ZipInvalid.Create(path, problem)];
        }

        var findings = new List<Diagnostic>();
        foreach (var entry in entries)
        {
            if (ZipMemberReader.CheckLocalHeader(file, entry, out long dataOffset) is { } headerProblem)
            {
                return [DiagnosticCatalog.ZipInvalid.Create(path, headerProblem)];
            }

            if (!entry.Name.EndsWith(".pkl", StringComparison.Ordinal))
            {
                continue;
            }

            var (data, readProblem) = ZipMemberReader.Read(file, entry, dataOffset);
            if (data is null)
            {
                findings.Add(DiagnosticCatalog.ZipInvalid.Create(path, readProblem));
                continue;
            }

            var disassembly = PickleDisassembler.Disassemble(data);
            findings.AddRange(PickleScan.Judge(path, disassembly, nesting).Select(f => f with { Message = $"{f.Message} (in {entry.Name})" }));
            findings.AddRange(MissingStorages(path, entry.Name, disassembly, entries));
        }

        return findings;
    }

    /// <summary>torch/serialization.py `_load`: persistent_load reads `&lt;folder of data.pkl&gt;/data/&lt;key&gt;` for each storage key.</summary>
    private static IEnumerable<Diagnostic> MissingStorages(string path, string pickleName, PickleDisassembly disassembly, IReadOnlyList<ZipEntry> entries)
    {
        var folder = pickleName.Contains('/', StringComparison.Ordinal) ? pickleName[..(pickleName.LastIndexOf('/') + 1)] : string.Empty;
        var names = entries.Select(e => e.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var key in disassembly.PersistentIds.Select(p => (p.StorageKey, p.Offset)).Where(k => k.StorageKey is not null).DistinctBy(k => k.StorageKey))
        {
            var record = $"{folder}data/{key.StorageKey}";
            if (!names.Contains(record))
            {
                yield return DiagnosticCatalog.TorchStorageMissing.Create(path, pickleName, key.StorageKey, key.Offset, record);
            }
        }
    }
}

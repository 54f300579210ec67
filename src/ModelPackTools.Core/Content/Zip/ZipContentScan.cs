using ModelPackTools.Content.Nesting;
using ModelPackTools.Content.Pickle;
using ModelPackTools.Diagnostics;

namespace ModelPackTools.Content.Zip;

/// <summary>
/// The findings for one ZIP file: the container's problems, then each scanned member's (pickles' imports and parse
/// errors, arrays, a Keras config, ONNX models and their external data, nested model files).
/// </summary>
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
        bool keras = entries.Any(e => e.Name is "model.weights.h5" or "metadata.json") && entries.Any(e => e.Name == "config.json");
        foreach (var entry in entries)
        {
            if (ZipMemberReader.CheckLocalHeader(file, entry, out long dataOffset) is { } headerProblem)
            {
                return [DiagnosticCatalog.ZipInvalid.Create(path, headerProblem)];
            }

            var kind = MemberKind(entry.Name, keras);
            if (kind == Member.Skipped)
            {
                continue;
            }

            if (kind == Member.Onnx)
            {
                // Streamed, not read whole: an ONNX model may be larger than the members the scan holds in memory.
                findings.AddRange(ZipOnnxMember.Judge(path, file, entry, dataOffset));
                continue;
            }

            var (data, readProblem) = ZipMemberReader.Read(file, entry, dataOffset);
            if (data is null)
            {
                findings.Add(DiagnosticCatalog.ZipInvalid.Create(path, readProblem));
                continue;
            }

            findings.AddRange(kind switch
            {
                Member.Pickle => PickleMember(path, entry, data, entries, nesting),
                Member.Npy => NpyMember(path, entry.Name, data, nesting),
                Member.KerasConfig => Keras.KerasConfigRules.Problems(data).Select(p => DiagnosticCatalog.KerasConfigRunsCode.Create(path, p)),
                _ => EmbeddedContent.Judge(path, data, nesting.Deeper(), $"the member {entry.Name}"),
            });
        }

        return findings;
    }

    private enum Member
    {
        Skipped,
        Pickle,
        Npy,
        KerasConfig,
        Onnx,
        Nested,
    }

    /// <summary>
    /// Which members are read: the pickles torch unpickles (`*.pkl`), `.npy` arrays (an `.npz` is a zip of them:
    /// numpy/lib/npyio.py NpzFile), a `.keras` file's config.json, `.onnx` models (<see cref="ZipOnnxMember"/>), and
    /// members that are model files themselves (a zip in a zip). Tensor payloads (torch's `data/N`, `.h5` weights,
    /// an ONNX model's raw_data) are not read.
    /// </summary>
    private static Member MemberKind(string name, bool keras)
    {
        if (name.EndsWith(".pkl", StringComparison.Ordinal))
        {
            return Member.Pickle;
        }

        if (name.EndsWith(".npy", StringComparison.OrdinalIgnoreCase))
        {
            return Member.Npy;
        }

        if (name.EndsWith(".onnx", StringComparison.OrdinalIgnoreCase))
        {
            return Member.Onnx;
        }

        if (keras && name == "config.json")
        {
            return Member.KerasConfig;
        }

        string[] nested = [".pickle", ".joblib", ".pt", ".pth", ".ckpt", ".zip", ".npz", ".keras"];
        return nested.Any(e => name.EndsWith(e, StringComparison.OrdinalIgnoreCase)) ? Member.Nested : Member.Skipped;
    }

    private static IEnumerable<Diagnostic> PickleMember(string path, ZipEntry entry, byte[] data, IReadOnlyList<ZipEntry> entries, ContentNesting nesting)
    {
        var disassembly = PickleDisassembler.Disassemble(data);
        return PickleScan.Judge(path, disassembly, nesting).Select(f => f with { Message = $"{f.Message} (in {entry.Name})" })
            .Concat(MissingStorages(path, entry.Name, disassembly, entries));
    }

    /// <summary>A member judged exactly as a `.npy` file is (object arrays MPK4008, their pickle scanned).</summary>
    private static IEnumerable<Diagnostic> NpyMember(string path, string name, byte[] data, ContentNesting nesting)
    {
        var scan = new Numpy.NpyInspector(nesting.Reviewed).Begin(new ContentSubject(path, data.Length));
        if (scan is null)
        {
            return [];
        }

        scan.Append(data);
        return [.. scan.Complete().Select(f => f with { Message = $"{f.Message} (in {name})" })];
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

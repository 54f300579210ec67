using ModelPackTools.Content.Pickle;
using ModelPackTools.Diagnostics;

namespace ModelPackTools.Content.Zip;

/// <summary>The findings for one ZIP file: the container's problems, then each pickle member's imports and parse errors.</summary>
internal static class ZipContentScan
{
    public static List<Diagnostic> Judge(string path, Stream file, IReadOnlySet<string> reviewed)
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
            findings.AddRange(PickleScan.Judge(path, disassembly, reviewed).Select(f => f with { Message = $"{f.Message} (in {entry.Name})" }));
        }

        return findings;
    }
}

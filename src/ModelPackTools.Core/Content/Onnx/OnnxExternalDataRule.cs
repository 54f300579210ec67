using System.Globalization;
using ModelPackTools.Diagnostics;

namespace ModelPackTools.Content.Onnx;

/// <summary>
/// The external data of one ONNX model judged against /opt/ml/model as SageMaker materialises it, so a folder, a
/// model.tar.gz and a listing are judged alike. onnx/external_data_helper.py reads `location` relative to the model
/// file's folder, and onnx's checker (checker.cc, resolve_external_data_location) refuses absolute paths and `..`:
/// here a location must be a relative POSIX path without `..`, backslash, colon or NUL, and must resolve (through
/// every link) to a file inside the model's folder (MPK4021); that file must exist and hold offset + length bytes
/// (MPK4022; a size the source does not know stays quiet). `offset` and `length` must be decimal numbers of bytes,
/// and a tensor marked EXTERNAL must name a location (MPK4022). Tensors sharing a location are reported once,
/// and each code once per model (the first problem, and how many more).
/// </summary>
public static class OnnxExternalDataRule
{
    public static IEnumerable<Diagnostic> Judge(string modelPath, IReadOnlyList<OnnxExternalTensor> tensors, IMaterializedTree tree)
    {
        var slash = modelPath.LastIndexOf('/');
        var folder = slash < 0 ? string.Empty : modelPath[..slash];
        var findings = new List<(DiagnosticDescriptor Code, string Tensor, string More, string Reason)>();
        var byLocation = new Dictionary<string, List<(string Tensor, long End)>>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var tensor in tensors)
        {
            var locations = tensor.Values("location").ToList();
            if (locations.Count == 0)
            {
                if (tensor.MarkedExternal)
                {
                    findings.Add((DiagnosticCatalog.OnnxExternalDataMissing, tensor.Name, string.Empty, "it is marked EXTERNAL (data_location) but names no location"));
                }

                continue;
            }

            if (End(tensor) is not { } end)
            {
                findings.Add((DiagnosticCatalog.OnnxExternalDataMissing, tensor.Name, string.Empty, BadNumber(tensor)));
                end = 0;
            }

            foreach (var location in locations.Distinct(StringComparer.Ordinal))
            {
                if (!byLocation.TryGetValue(location, out var users))
                {
                    byLocation[location] = users = [];
                    order.Add(location);
                }

                users.Add((tensor.Name, end));
            }
        }

        foreach (var location in order)
        {
            var users = byLocation[location];
            var more = users.Count > 1 ? $" (and {users.Count - 1} more)" : string.Empty;
            if (Judge(folder, location, tree, users.Max(u => u.End)) is { } problem)
            {
                var named = problem.Short ? users.MaxBy(u => u.End).Tensor : users[0].Tensor;
                findings.Add((problem.Code, named, more, problem.Reason));
            }
        }

        // One finding per code and model (the report keeps one per code and path): the first, and how many more.
        return findings.GroupBy(f => f.Code).Select(g =>
        {
            var (code, tensor, more, reason) = g.First();
            var others = g.Count() - 1;
            return code.Create(modelPath, tensor, more, others == 0 ? reason : $"{reason}; {others} more like it");
        }).ToList();
    }

    /// <summary>
    /// The external data of a model that is a member of a zip (<see cref="Zip.ZipContentScan"/>). onnx resolves
    /// `location` against the folder of the file it opened (onnx/__init__.py load_model: base_dir is the dirname of
    /// the model's path; external_data_helper.py load_external_data_for_tensor joins base_dir and location), and
    /// onnxruntime refuses external data of a model given as bytes, with no path. A zip member has no folder in
    /// /opt/ml/model, so no location of it can be resolved against what ships, even to a file the same zip holds:
    /// a lexically unsafe location is MPK4021 as ever, every other one MPK4022, once per code with how many more.
    /// </summary>
    public static IEnumerable<Diagnostic> JudgeInZip(string zipPath, IReadOnlyList<OnnxExternalTensor> tensors)
    {
        var findings = new List<(DiagnosticDescriptor Code, string Tensor, string Reason)>();
        foreach (var tensor in tensors)
        {
            if (tensor.Last("location") is not { } location)
            {
                if (tensor.MarkedExternal)
                {
                    findings.Add((DiagnosticCatalog.OnnxExternalDataMissing, tensor.Name, "it is marked EXTERNAL (data_location) but names no location"));
                }

                continue;
            }

            findings.Add(tensor.Values("location").Select(Lexical).FirstOrDefault(r => r is not null) is { } unsafeReason
                ? (DiagnosticCatalog.OnnxExternalDataOutside, tensor.Name, $"at '{location}' {unsafeReason}")
                : (DiagnosticCatalog.OnnxExternalDataMissing, tensor.Name, $"'{location}' cannot be resolved: a loader reads external data beside the file it opened, and this model is a member of a zip"));
        }

        return findings.GroupBy(f => f.Code).Select(g =>
        {
            var (code, tensor, reason) = g.First();
            var others = g.Count() - 1;
            return code.Create(zipPath, tensor, string.Empty, others == 0 ? reason : $"{reason}; {others} more like it");
        }).ToList();
    }

    private static (DiagnosticDescriptor Code, string Reason, bool Short)? Judge(string folder, string location, IMaterializedTree tree, long end)
    {
        if (location.Length == 0)
        {
            return (DiagnosticCatalog.OnnxExternalDataMissing, "its location is empty", false);
        }

        if (Lexical(location) is { } unsafeReason)
        {
            return (DiagnosticCatalog.OnnxExternalDataOutside, $"at '{location}' {unsafeReason}", false);
        }

        var found = tree.Resolve(folder.Length == 0 ? location : folder + "/" + location);
        switch (found.Status)
        {
            case LookupStatus.LeavesTheRoot:
                return (DiagnosticCatalog.OnnxExternalDataOutside, $"at '{location}' leads out of /opt/ml/model through a link", false);
            case LookupStatus.Loop:
                return (DiagnosticCatalog.OnnxExternalDataMissing, $"'{location}' is a loop of links", false);
            case LookupStatus.Missing or LookupStatus.NotADirectory:
                return (DiagnosticCatalog.OnnxExternalDataMissing, $"'{location}' does not exist beside the model", false);
        }

        var entry = found.Entry!;
        if (folder.Length > 0 && !entry.Path.StartsWith(folder + "/", StringComparison.Ordinal))
        {
            return (DiagnosticCatalog.OnnxExternalDataOutside, $"at '{location}' resolves through a link to '{entry.Path}', outside the model's folder '{folder}'", false);
        }

        if (!entry.IsFile)
        {
            return (DiagnosticCatalog.OnnxExternalDataMissing, $"'{location}' is a folder, not a file", false);
        }

        return entry.Size >= 0 && entry.Size < end
            ? (DiagnosticCatalog.OnnxExternalDataMissing, $"'{location}' has {entry.Size} bytes, but the data ends at byte {end}", true)
            : null;
    }

    /// <summary>Why a location leaves the model's folder whatever the tree holds, or null.</summary>
    private static string? Lexical(string location)
    {
        if (location.StartsWith('/'))
        {
            return "is an absolute path";
        }

        if (location.Contains('\\', StringComparison.Ordinal))
        {
            return "has a backslash (a separator on Windows)";
        }

        if (location.Contains(':', StringComparison.Ordinal))
        {
            return "has a colon (a drive or a stream on Windows)";
        }

        if (location.Contains('\0', StringComparison.Ordinal))
        {
            return "has a NUL character";
        }

        return location.Split('/').Contains("..") ? "has a '..' segment" : null;
    }

    /// <summary>offset + length (offset alone when no length is given), or null when a value is no number of bytes.</summary>
    private static long? End(OnnxExternalTensor tensor)
    {
        if (tensor.Values("offset").Concat(tensor.Values("length")).Any(v => Bytes(v) is null))
        {
            return null;
        }

        var offset = tensor.Last("offset") is { } o ? Bytes(o)!.Value : 0;
        var length = tensor.Last("length") is { } l ? Bytes(l)!.Value : 0;
        return offset > long.MaxValue - length ? null : offset + length;
    }

    private static string BadNumber(OnnxExternalTensor tensor)
    {
        foreach (var key in (string[])["offset", "length"])
        {
            if (tensor.Values(key).FirstOrDefault(v => Bytes(v) is null) is { } bad)
            {
                return $"its {key} '{bad}' is not a decimal number of bytes";
            }
        }

        return "its offset + length overflows 64 bits";
    }

    // Decimal digits only: onnx's Python reader takes int() (which also accepts signs, spaces and underscores),
    // onnxruntime parses with the classic locale; anything beyond plain digits is read differently by the two.
    private static long? Bytes(string value) =>
        value.Length is > 0 and <= 19 && value.All(char.IsAsciiDigit) && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
}

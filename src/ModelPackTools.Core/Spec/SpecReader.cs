using System.Text.Json;
using ModelPackTools.Diagnostics;
using ModelPackTools.Json;

namespace ModelPackTools.Spec;

/// <summary>
/// Reads modelpack.json strictly: unknown keys, duplicate keys, wrong types and invalid values are errors at the line
/// and column of the key, with its JSON path; comments and trailing commas are allowed (the file is written by
/// people and by `init`). Diagnostics name the file as the caller gave it (`modelpack.json(7,3)`).
/// </summary>
public static class SpecReader
{
    public const string DefaultFileName = "modelpack.json";

    // Keys that were renamed: an old spec is told the new name instead of only "unknown key".
    private static readonly Dictionary<string, string> Renamed = new(StringComparer.Ordinal) { ["layoutProfile"] = "layoutMode" };

    /// <exception cref="ModelPackException">MPK9002 when the file does not exist, MPK9003 when it cannot be read.</exception>
    public static (ModelPackSpec? Spec, IReadOnlyList<Diagnostic> Diagnostics) Read(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw ModelPackException.Because(e, DiagnosticCatalog.InputNotFound, path, "no such file (`modelpack init` writes a starting one)");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw ModelPackException.Because(e, DiagnosticCatalog.InputUnreadable, path, e.Message);
        }

        var (spec, diagnostics) = Parse(bytes, Path.GetDirectoryName(Path.GetFullPath(path))!, path);
        return (spec is null ? null : spec with { SpecPath = Path.GetFullPath(path) }, diagnostics);
    }

    /// <param name="file">The spec's name as locations print it.</param>
    public static (ModelPackSpec? Spec, IReadOnlyList<Diagnostic> Diagnostics) Parse(ReadOnlySpan<byte> utf8, string baseDirectory, string file = DefaultFileName)
    {
        var findings = new SpecFindings(file);
        SpecNode root;
        try
        {
            root = SpecNode.Parse(utf8);
        }
        catch (JsonException e)
        {
            findings.Add(DiagnosticCatalog.SpecNotJson, "$", (int)(e.LineNumber ?? 0) + 1, (int)(e.BytePositionInLine ?? 0) + 1, WithoutPosition(e.Message));
            return (null, findings.Diagnostics.Items);
        }

        if (root.Kind != JsonValueKind.Object)
        {
            findings.Add(DiagnosticCatalog.SpecWrongType, "$", root, "an object", root.Describe());
            return (null, findings.Diagnostics.Items);
        }

        var values = Members(root, "$", SpecFields.All, findings);
        var spec = SpecBinding.Bind(values, baseDirectory, findings);
        return (findings.Diagnostics.HasErrors ? null : spec, findings.Diagnostics.Items);
    }

    private static Dictionary<string, SpecNode> Members(SpecNode node, string path, IReadOnlyList<SpecField> fields, SpecFindings findings)
    {
        var values = new Dictionary<string, SpecNode>(StringComparer.Ordinal);
        foreach (var (name, line, column, value) in node.Members)
        {
            var memberPath = JsonPath.Member(path, name);
            findings.Locate(memberPath, line, column);
            var field = fields.FirstOrDefault(f => f.Name == name);
            if (field is null)
            {
                findings.Add(DiagnosticCatalog.SpecUnknownKey, memberPath, line, column, name, Hint(name, fields));
            }
            else if (!values.TryAdd(name, value))
            {
                findings.Add(DiagnosticCatalog.SpecDuplicateKey, memberPath, line, column, name);
            }
            else if (!HasType(value, field, memberPath, findings))
            {
                values.Remove(name);
            }
            else if (field.Values is { } allowed && !allowed.Contains(value.Text!, StringComparer.Ordinal))
            {
                findings.Add(DiagnosticCatalog.SpecInvalidValue, memberPath, value, $"'{value.Text}' is not one of {string.Join(", ", allowed)}");
                values.Remove(name);
            }
        }

        return values;
    }

    private static bool HasType(SpecNode value, SpecField field, string path, SpecFindings findings)
    {
        bool Fail(SpecNode node, string at, string expected)
        {
            findings.Add(DiagnosticCatalog.SpecWrongType, at, node, expected, node.Describe());
            return false;
        }

        switch (field.Kind)
        {
            case SpecKind.String:
                return value.Kind == JsonValueKind.String || Fail(value, path, field.Expected);
            case SpecKind.Boolean:
                return value.Kind is JsonValueKind.True or JsonValueKind.False || Fail(value, path, field.Expected);
            case SpecKind.StringList:
                if (value.Kind != JsonValueKind.Array)
                {
                    return Fail(value, path, field.Expected);
                }

                return value.Items.Select((item, i) =>
                {
                    findings.Locate($"{path}[{i}]", item.Line, item.Column);
                    return item.Kind == JsonValueKind.String || Fail(item, $"{path}[{i}]", "a string");
                }).ToList().TrueForAll(ok => ok);
            case SpecKind.StringMap:
                if (value.Kind != JsonValueKind.Object)
                {
                    return Fail(value, path, field.Expected);
                }

                var ok = true;
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var (name, line, column, entry) in value.Members)
                {
                    findings.Locate(JsonPath.Member(path, name), line, column);
                    if (!seen.Add(name))
                    {
                        findings.Add(DiagnosticCatalog.SpecDuplicateKey, JsonPath.Member(path, name), line, column, name);
                        ok = false;
                    }
                    else if (entry.Kind != JsonValueKind.String)
                    {
                        ok = Fail(entry, JsonPath.Member(path, name), "a string");
                    }
                }

                return ok;
            default:
                if (value.Kind != JsonValueKind.Array)
                {
                    return Fail(value, path, field.Expected);
                }

                var all = true;
                for (var i = 0; i < value.Items.Count; i++)
                {
                    var item = value.Items[i];
                    findings.Locate($"{path}[{i}]", item.Line, item.Column);
                    if (item.Kind != JsonValueKind.Object)
                    {
                        all = Fail(item, $"{path}[{i}]", "an object");
                        continue;
                    }

                    var before = findings.Diagnostics.ErrorCount;
                    Members(item, $"{path}[{i}]", field.Fields!, findings);
                    all &= findings.Diagnostics.ErrorCount == before;
                }

                return all;
        }
    }

    /// <summary>The new name of a renamed key, or the known key one or two edits away: "formt" is probably "format".</summary>
    private static string Hint(string name, IReadOnlyList<SpecField> fields)
    {
        if (Renamed.TryGetValue(name, out var renamed))
        {
            return $"; it was renamed '{renamed}'";
        }

        var closest = fields.Select(f => (f.Name, Distance: EditDistance(name.ToLowerInvariant(), f.Name.ToLowerInvariant())))
            .Where(c => c.Distance <= 2).OrderBy(c => c.Distance).Select(c => c.Name).FirstOrDefault();
        return closest is null ? string.Empty : $"; did you mean '{closest}'?";
    }

    private static int EditDistance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1], previous[j]) + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            previous = current;
        }

        return previous[b.Length];
    }

    // System.Text.Json appends " LineNumber: 2 | BytePositionInLine: 0."; the location says that now.
    private static string WithoutPosition(string message)
    {
        var at = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return at < 0 ? message : message[..at].TrimEnd();
    }
}

using System.Buffers;
using System.Text;
using ModelPackTools.Diagnostics;

namespace ModelPackTools.Content.Triton;

/// <summary>
/// The "triton-config" content inspector: a model's `&lt;folder&gt;/config.pbtxt` that names the model (a top-level
/// `name:` field) must name its folder, or Triton refuses to load it (triton-inference-server/core
/// model_config_utils.cc checks the configuration's name against the model directory's; MPK7018). With the
/// materialised tree, the version Triton loads by default (the highest-numbered folder: the default version policy is
/// `latest { num_versions: 1 }`, and folders whose name starts with 0 are ignored, server docs/user_guide
/// model_repository.md "Model Versions") must hold the file its backend loads (<see cref="TritonBackendFiles"/>, or
/// `default_model_filename`; MPK7028). A configuration with a `version_policy` is not judged for that. Only Triton reads
/// config.pbtxt in a top-level folder, so the rules need no profile. Nested fields (inputs, outputs) are not the
/// model's; `#` comments are skipped.
/// </summary>
public sealed class TritonConfigInspector : IContentInspector, IContentAggregator
{
    // Triton configurations are a few KiB; a larger file is left unread rather than buffered.
    private const int MaxConfigBytes = 1 << 20;

    public static TritonConfigInspector Instance { get; } = new();

    public string Name => "triton-config";

    public IContentScan? Begin(ContentSubject subject)
    {
        var parts = subject.Path.Split('/');
        return parts is [var folder, "config.pbtxt"] && subject.Size <= MaxConfigBytes ? new Scan(subject.Path, folder) : null;
    }

    /// <summary>The value of the top-level `name` field of a text-format model configuration, or null.</summary>
    public static string? ModelName(string text) => TopLevelString(text, "name");

    /// <summary>The quoted value of a top-level string field (`platform: "onnxruntime_onnx"`), or null.</summary>
    public static string? TopLevelString(string text, string field)
    {
        foreach (var rest in TopLevelFields(text, field))
        {
            if (rest.StartsWith(':'))
            {
                var value = rest[1..].Trim();
                if (value.Length >= 2 && value[0] is '"' or '\'' && value.IndexOf(value[0], 1) is var end and > 0)
                {
                    return value[1..end];
                }
            }
        }

        return null;
    }

    /// <summary>Whether a top-level field is set, whatever its form (`version_policy: { ... }`, `cc_model_filenames [ ... ]`).</summary>
    public static bool HasTopLevelField(string text, string field) =>
        TopLevelFields(text, field).Any(rest => rest.Length == 0 || rest[0] is ':' or '{' or '[');

    // What follows each top-level occurrence of the field's name at the start of a line (trimmed); a longer field
    // name (`name_suffix`) is not the field.
    private static IEnumerable<string> TopLevelFields(string text, string field)
    {
        var depth = 0;
        foreach (var raw in text.Split('\n'))
        {
            var (line, nesting) = Read(raw);
            var trimmed = line.TrimStart();
            if (depth == 0 && trimmed.StartsWith(field, StringComparison.Ordinal) &&
                (trimmed.Length == field.Length || !(char.IsAsciiLetterOrDigit(trimmed[field.Length]) || trimmed[field.Length] == '_')))
            {
                yield return trimmed[field.Length..].TrimStart();
            }

            depth += nesting;
        }
    }

    // One line: its text before a `#` comment, and how many messages or lists it opens less those it closes
    // (braces and brackets inside strings count for neither).
    private static (string Text, int Nesting) Read(string line)
    {
        var nesting = 0;
        var quote = '\0';
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quote != '\0')
            {
                quote = c == quote ? '\0' : quote;
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == '#')
            {
                return (line[..i], nesting);
            }
            else
            {
                nesting += c is '{' or '[' ? 1 : c is '}' or ']' ? -1 : 0;
            }
        }

        return (line, nesting);
    }

    public IEnumerable<Diagnostic> Aggregate(ContentAggregation aggregation)
    {
        var findings = new List<Diagnostic>();
        foreach (var (path, model) in aggregation.Of<ExpectedModelFile>())
        {
            var folder = path[..path.IndexOf('/', StringComparison.Ordinal)];
            var latest = aggregation.Tree.Children(folder)
                .Where(e => e.IsDirectory && e.Name.All(char.IsAsciiDigit) && e.Name[0] != '0')
                .OrderBy(e => e.Name.Length) // numerically: a longer name without leading zeros is a larger number
                .ThenBy(e => e.Name, StringComparer.Ordinal)
                .LastOrDefault();
            if (latest is null)
            {
                continue; // no version at all is MPK7005's finding
            }

            if (!model.Files.Any(f => aggregation.Tree.Resolve(latest.Path + "/" + f).Status == LookupStatus.Found))
            {
                findings.Add(DiagnosticCatalog.TritonModelFileMissing.Create(latest.Path, folder, latest.Name, string.Join(" or ", model.Files), model.Backend));
            }
        }

        return findings;
    }

    /// <summary>What the model's backend loads from its version folder: any one of <paramref name="Files"/>.</summary>
    private sealed record ExpectedModelFile(string Backend, IReadOnlyList<string> Files);

    private sealed class Scan(string path, string folder) : ICollectingScan
    {
        private readonly ArrayBufferWriter<byte> text = new();

        public object? Collected { get; private set; }

        // Begun by the file's place and name (<folder>/config.pbtxt): the configuration is this scanner's file.
        public bool Claimed => true;

        public bool Append(ReadOnlySpan<byte> data)
        {
            this.text.Write(data);
            return true;
        }

        public IEnumerable<Diagnostic> Complete()
        {
            var config = Encoding.UTF8.GetString(this.text.WrittenSpan);
            if (!HasTopLevelField(config, "version_policy") &&
                TritonBackendFiles.Expected(
                    TopLevelString(config, "platform"),
                    TopLevelString(config, "backend"),
                    TopLevelString(config, "default_model_filename"),
                    HasTopLevelField(config, "cc_model_filenames")) is var (backend, files))
            {
                this.Collected = new ExpectedModelFile(backend, files);
            }

            var name = ModelName(config);
            return name is null || name == folder ? [] : [DiagnosticCatalog.TritonModelNameMismatch.Create(path, name, folder)];
        }
    }
}

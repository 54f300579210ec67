using System.Buffers;
using System.Text;
using ModelPackTools.Diagnostics;

namespace ModelPackTools.Content.Triton;

/// <summary>
/// The "triton-config" content inspector: a model's `&lt;folder&gt;/config.pbtxt` that names the model (a top-level
/// `name:` field) must name its folder, or Triton refuses to load it (triton-inference-server/core
/// model_config_utils.cc checks the configuration's name against the model directory's). Only Triton reads
/// config.pbtxt in a top-level folder, so the rule needs no profile. Nested `name:` fields (inputs, outputs) are
/// not the model's; `#` comments are skipped.
/// </summary>
public sealed class TritonConfigInspector : IContentInspector
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
    public static string? ModelName(string text)
    {
        var depth = 0;
        foreach (var raw in text.Split('\n'))
        {
            var (line, nesting) = Read(raw);
            if (depth == 0 && line.TrimStart() is var field && field.StartsWith("name", StringComparison.Ordinal))
            {
                var rest = field[4..].TrimStart();
                if (rest.StartsWith(':'))
                {
                    rest = rest[1..].Trim();
                    if (rest.Length >= 2 && rest[0] is '"' or '\'' && rest.IndexOf(rest[0], 1) is var end and > 0)
                    {
                        return rest[1..end];
                    }
                }
            }

            depth += nesting;
        }

        return null;
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

    private sealed class Scan(string path, string folder) : IContentScan
    {
        private readonly ArrayBufferWriter<byte> text = new();

        // Begun by the file's place and name (<folder>/config.pbtxt): the configuration is this scanner's file.
        public bool Claimed => true;

        public bool Append(ReadOnlySpan<byte> data)
        {
            this.text.Write(data);
            return true;
        }

        public IEnumerable<Diagnostic> Complete()
        {
            var name = ModelName(Encoding.UTF8.GetString(this.text.WrittenSpan));
            return name is null || name == folder ? [] : [DiagnosticCatalog.TritonModelNameMismatch.Create(path, name, folder)];
        }
    }
}

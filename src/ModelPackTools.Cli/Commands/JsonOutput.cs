using System.Text.Encodings.Web;
using System.Text.Json;

namespace ModelPackTools.Cli.Commands;

/// <summary>
/// The `--format json` output of the commands that write their own document (pack, layout, etag): indented, with
/// names and paths left readable (no \u escapes of non-ASCII or of `+`), as the report writers do.
/// </summary>
internal static class JsonOutput
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes the document <paramref name="write"/> produces, and a newline.</summary>
    public static void Write(TextWriter output, Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            write(json);
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }
}

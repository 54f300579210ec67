using System.Text.Json;
using System.Text.Json.Serialization;
using ModelPackTools.Diagnostics;
using ModelPackTools.Trees;

namespace ModelPackTools.Sources;

/// <summary>
/// Reads what `aws s3api list-objects-v2 --output json` prints: one document, or several pages concatenated
/// (`--no-paginate` loops, `--page-size` output saved page by page). Memory grows with the number of keys only.
/// </summary>
public static class ListObjectsJsonSource
{
    public static ModelTree Read(string path, string? prefix)
    {
        using var stream = OpenRead(path);
        var builder = new ListingBuilder(path, prefix ?? string.Empty);
        var prefixFromListing = prefix is null;
        try
        {
            foreach (var page in JsonSerializer.DeserializeAsyncEnumerable(stream, ListingJsonContext.Default.ListObjectsPage, topLevelValues: true).ToBlockingEnumerable())
            {
                if (page is null)
                {
                    continue;
                }

                if (prefixFromListing && page.Prefix is { Length: > 0 } listed)
                {
                    // Without --s3-uri, the prefix the listing was made with is the model prefix.
                    builder.Prefix = listed;
                    prefixFromListing = false;
                }

                foreach (var item in page.Contents ?? [])
                {
                    if (item.Key is null)
                    {
                        throw new ModelPackException(DiagnosticCatalog.UnreadableInput, $"'{path}': an object in Contents has no Key");
                    }

                    builder.Add(item.Key, item.Size ?? -1, item.ETag);
                }
            }
        }
        catch (JsonException e)
        {
            throw ModelPackException.Because(e, DiagnosticCatalog.UnreadableInput, $"'{path}': not list-objects-v2 JSON (line {e.LineNumber + 1}): {e.Message}");
        }

        return builder.Build();
    }

    internal static FileStream OpenRead(string path)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw ModelPackException.Because(e, DiagnosticCatalog.InputUnreadable, path, e.Message);
        }
    }
}

internal sealed record ListObjectsPage(string? Prefix, List<ListedObject>? Contents);

internal sealed record ListedObject(string? Key, long? Size, string? ETag);

[JsonSerializable(typeof(ListObjectsPage))]
internal sealed partial class ListingJsonContext : JsonSerializerContext;

using System.Buffers;
using System.Buffers.Binary;
using System.Text.Json;
using System.Text.RegularExpressions;
using ModelPackTools.Content.Safetensors;
using ModelPackTools.Diagnostics;

namespace ModelPackTools.Content.HuggingFace;

/// <summary>
/// The "shard-index" content inspector: a sharded checkpoint's index (`model.safetensors.index.json`,
/// `pytorch_model.bin.index.json`, as transformers' `save_pretrained` writes them) must agree with the shards beside
/// it. transformers (utils/hub.py, get_checkpoint_shard_files) opens every file the index's `weight_map` names and
/// fails when one is missing; TGI and LMI/vLLM glob `*.safetensors` and take every tensor from the shards' headers,
/// so a shard the index does not name (a leftover of an earlier save) is loaded too, and a tensor the index promises
/// but no header holds is "missing" when the model is built (MPK7019-MPK7021). Reads only the index and each
/// safetensors shard's header (through <see cref="SafetensorsHeaderValidator.TensorNames"/>), never the payload.
/// For `.bin` shards only their existence is checked: their tensor names are inside a pickle.
/// </summary>
public sealed class ShardIndexInspector : IContentInspector, IContentAggregator
{
    // An index is a few hundred KiB even for the largest models; a larger file is not an index worth buffering.
    private const long MaxIndexBytes = 64 << 20;

    private const string IndexSuffix = ".index.json";

    public static ShardIndexInspector Instance { get; } = new();

    public string Name => "shard-index";

    public IContentScan? Begin(ContentSubject subject)
    {
        var name = subject.Path[(subject.Path.LastIndexOf('/') + 1)..];
        if (name.EndsWith(".safetensors" + IndexSuffix, StringComparison.Ordinal) || name.EndsWith(".bin" + IndexSuffix, StringComparison.Ordinal))
        {
            return subject.Size <= MaxIndexBytes ? new IndexScan() : null;
        }

        return name.EndsWith(".safetensors", StringComparison.Ordinal) && subject.Size >= 8 ? new HeaderScan(subject.Size) : null;
    }

    public IEnumerable<Diagnostic> Aggregate(ContentAggregation aggregation)
    {
        var headers = aggregation.Of<ShardHeader>().ToDictionary(h => h.Path, h => h.Value.Tensors, StringComparer.Ordinal);
        var findings = new List<Diagnostic>();
        foreach (var (indexPath, index) in aggregation.Of<ShardIndex>())
        {
            var slash = indexPath.LastIndexOf('/');
            var folder = slash < 0 ? string.Empty : indexPath[..(slash + 1)];
            var indexName = indexPath[(slash + 1)..];
            var byShard = index.WeightMap.GroupBy(p => p.Value, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal);
            foreach (var shard in byShard)
            {
                var shardPath = folder + shard.Key;
                var found = aggregation.Tree.Resolve(shardPath);
                if (found.Status != LookupStatus.Found || !found.Entry!.IsFile)
                {
                    findings.Add(DiagnosticCatalog.ShardMissing.Create(shardPath, indexName, shard.Count()));
                }
                else if (headers.TryGetValue(found.Entry.Path, out var tensors))
                {
                    var present = tensors.ToHashSet(StringComparer.Ordinal);
                    var absent = shard.Select(p => p.Key).Where(t => !present.Contains(t)).Order(StringComparer.Ordinal).ToList();
                    if (absent.Count > 0)
                    {
                        findings.Add(DiagnosticCatalog.ShardTensorMissing.Create(shardPath, absent.Count, indexName, absent[0]));
                    }
                }
            }

            // A shard of this index's own name pattern (model-00001-of-00002.safetensors) that it does not name.
            var stem = indexName[..^IndexSuffix.Length]; // model.safetensors
            var extension = stem[stem.LastIndexOf('.')..];
            var pattern = new Regex("^" + Regex.Escape(stem[..^extension.Length]) + @"-\d+-of-\d+" + Regex.Escape(extension) + "$", RegexOptions.CultureInvariant);
            var named = index.WeightMap.Values.ToHashSet(StringComparer.Ordinal);
            foreach (var entry in aggregation.Tree.Children(folder.TrimEnd('/')))
            {
                if (entry.IsFile && pattern.IsMatch(entry.Name) && !named.Contains(entry.Name))
                {
                    findings.Add(DiagnosticCatalog.ShardUnlisted.Create(entry.Path, indexName));
                }
            }
        }

        return findings;
    }

    /// <summary>The `weight_map` of an index file (tensor name to shard file name), null when the file is not one.</summary>
    public static IReadOnlyDictionary<string, string>? WeightMap(ReadOnlySpan<byte> json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json.ToArray());
            if (doc.RootElement.ValueKind != JsonValueKind.Object || !doc.RootElement.TryGetProperty("weight_map", out var map) || map.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var result = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var pair in map.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.String))
            {
                result[pair.Name] = pair.Value.GetString()!;
            }

            return result;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed record ShardIndex(IReadOnlyDictionary<string, string> WeightMap);

    private sealed record ShardHeader(IReadOnlyList<string> Tensors);

    private sealed class IndexScan : ICollectingScan
    {
        private readonly ArrayBufferWriter<byte> text = new();

        public object? Collected => WeightMap(this.text.WrittenSpan) is { } map ? new ShardIndex(map) : null;

        public bool Append(ReadOnlySpan<byte> data)
        {
            this.text.Write(data);
            return true;
        }

        public IEnumerable<Diagnostic> Complete() => [];

        // Begun by the index's name, read whole: the index is this scanner's file.
        public bool Claimed => true;
    }

    private sealed class HeaderScan(long fileLength) : ICollectingScan
    {
        private readonly ArrayBufferWriter<byte> header = new();
        private long needed = 8;

        public object? Collected => SafetensorsHeaderValidator.TensorNames(this.header.WrittenSpan, fileLength) is { } names ? new ShardHeader(names) : null;

        // The shard's header serves the index's judgement; the file is the safetensors scanner's to claim.
        public bool Claimed => false;

        public bool Append(ReadOnlySpan<byte> data)
        {
            var before = this.header.WrittenCount;
            var take = (int)Math.Min(data.Length, this.needed - before);
            this.header.Write(data[..take]);
            if (this.header.WrittenCount < this.needed)
            {
                return true;
            }

            if (this.needed == 8)
            {
                var length = BinaryPrimitives.ReadUInt64LittleEndian(this.header.WrittenSpan);
                if (length < 2 || length > SafetensorsHeaderValidator.MaxHeaderLength || (long)length > fileLength - 8)
                {
                    return false; // not a readable header: nothing to collect (the safetensors inspector reports it)
                }

                this.needed = 8 + (long)length;
                return this.Append(data[take..]);
            }

            return false;
        }

        public IEnumerable<Diagnostic> Complete() => [];
    }
}

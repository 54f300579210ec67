using ModelPackTools.Content.HuggingFace;
using ModelPackTools.Core.Tests.Support;
using ModelPackTools.Engine;
using ModelPackTools.Extraction;
using ModelPackTools.Options;

namespace ModelPackTools.Core.Tests.Content.HuggingFace;

/// <summary>MPK7019-MPK7021: a sharded checkpoint's index against the shards beside it.</summary>
public sealed class ShardIndexInspectorTests : IDisposable
{
    private const string Index = """{"metadata":{"total_size":16},"weight_map":{"a.weight":"model-00001-of-00002.safetensors","b.weight":"model-00002-of-00002.safetensors","c.weight":"model-00002-of-00002.safetensors"}}""";

    private readonly TempDirectory temp = new();

    public void Dispose() => this.temp.Dispose();

    [Fact]
    public void Shards_that_match_their_index_are_clean()
    {
        this.WriteShard("m/model-00001-of-00002.safetensors", "a.weight");
        this.WriteShard("m/model-00002-of-00002.safetensors", "b.weight", "c.weight");
        this.temp.Write("m/model.safetensors.index.json", Index);

        Assert.Empty(this.ShardCodes());
    }

    [Fact]
    public void A_shard_the_index_names_but_the_model_lacks_is_an_error_at_that_shard()
    {
        this.WriteShard("m/model-00001-of-00002.safetensors", "a.weight");
        this.temp.Write("m/model.safetensors.index.json", Index);

        Assert.Equal(["MPK7019 model-00002-of-00002.safetensors"], this.ShardCodes());
    }

    [Fact]
    public void A_shard_of_the_index_pattern_it_does_not_name_is_a_warning()
    {
        this.WriteShard("m/model-00001-of-00002.safetensors", "a.weight");
        this.WriteShard("m/model-00002-of-00002.safetensors", "b.weight", "c.weight");
        this.WriteShard("m/model-00003-of-00003.safetensors", "old.weight");
        this.WriteShard("m/adapter.safetensors", "lora.weight"); // not a shard of this index
        this.temp.Write("m/model.safetensors.index.json", Index);

        Assert.Equal(["MPK7020 model-00003-of-00003.safetensors"], this.ShardCodes());
    }

    [Fact]
    public void A_tensor_the_index_places_in_a_shard_whose_header_lacks_it_is_an_error()
    {
        this.WriteShard("m/model-00001-of-00002.safetensors", "a.weight");
        this.WriteShard("m/model-00002-of-00002.safetensors", "b.weight");
        this.temp.Write("m/model.safetensors.index.json", Index);

        var finding = Assert.Single(this.Check().Diagnostics, d => d.Code == "MPK7021");
        Assert.Equal("model-00002-of-00002.safetensors", finding.Path);
        Assert.Contains("'c.weight'", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_index_in_a_model_folder_resolves_its_shards_there_and_a_bin_index_checks_existence_only()
    {
        this.temp.Write("m/llama/pytorch_model-00001-of-00002.bin", "pickle");
        this.temp.Write("m/llama/pytorch_model.bin.index.json", """{"weight_map":{"a":"pytorch_model-00001-of-00002.bin","b":"pytorch_model-00002-of-00002.bin"}}""");
        this.temp.Write("m/llama/serving.properties", "engine=Python\n");

        Assert.Equal(["MPK7019 llama/pytorch_model-00002-of-00002.bin"], this.ShardCodes());
    }

    [Fact]
    public void The_weight_map_is_read_from_the_index_json()
    {
        Assert.Equal("s1", ShardIndexInspector.WeightMap("""{"weight_map":{"t":"s1"}}"""u8)!["t"]);
        Assert.Null(ShardIndexInspector.WeightMap("""{"metadata":{}}"""u8));
        Assert.Null(ShardIndexInspector.WeightMap("not json"u8));
    }

    private void WriteShard(string path, params string[] tensors)
    {
        var header = "{" + string.Join(',', tensors.Select((t, i) => $"\"{t}\":{{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[{i * 4},{(i + 1) * 4}]}}")) + "}";
        var full = this.temp.Combine(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, ModelFiles.Safetensors(header, tensors.Length * 4));
    }

    private string[] ShardCodes() =>
        [.. this.Check().Diagnostics.Where(d => d.Code is "MPK7019" or "MPK7020" or "MPK7021").Select(d => $"{d.Code} {d.Path}")];

    private ExtractionReport Check() =>
        ModelChecker.Check(this.temp.Combine("m"), SettingsParser.Parse(new SettingsText())).Report;
}

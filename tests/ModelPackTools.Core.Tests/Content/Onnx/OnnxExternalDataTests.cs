using System.Text;
using ModelPackTools.Core.Tests.Support;
using ModelPackTools.Engine;
using ModelPackTools.Extraction;
using ModelPackTools.Options;

namespace ModelPackTools.Core.Tests.Content.Onnx;

/// <summary>MPK4020-MPK4022: ONNX models read byte by byte, their external data judged against /opt/ml/model.</summary>
public sealed class OnnxExternalDataTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => this.temp.Dispose();

    [Fact]
    public void A_model_with_inline_tensors_only_is_clean()
    {
        this.WriteModel("m/model.onnx", OnnxModels.Graph([OnnxModels.InlineTensor("w", 1000)]));

        Assert.Empty(this.OnnxCodes());
    }

    [Fact]
    public void External_data_inside_the_models_folder_with_enough_bytes_is_clean()
    {
        this.WriteModel("m/model.onnx", OnnxModels.Graph([OnnxModels.ExternalTensor("w", "model.onnx.data", "0", "16"), OnnxModels.ExternalTensor("b", "./data/b.bin", "4096", "4")]));
        this.WriteBytes("m/model.onnx.data", 16);
        this.WriteBytes("m/data/b.bin", 4100);

        Assert.Empty(this.OnnxCodes());
    }

    [Theory]
    [InlineData("../../etc/passwd", "has a '..' segment")]
    [InlineData("/etc/passwd", "is an absolute path")]
    [InlineData("sub/../../secret", "has a '..' segment")]
    [InlineData("C:/Windows/win.ini", "has a colon")]
    [InlineData("..\\..\\secret", "has a backslash")]
    public void A_location_that_leaves_the_models_folder_is_an_error(string location, string reason)
    {
        this.WriteModel("m/model.onnx", OnnxModels.Graph([OnnxModels.ExternalTensor("w", location, "0", "4")]));

        var finding = Assert.Single(this.Check().Diagnostics, d => d.Code == "MPK4021");
        Assert.Equal("model.onnx", finding.Path);
        Assert.Contains("'w'", finding.Message, StringComparison.Ordinal);
        Assert.Contains(reason, finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_link_in_the_folder_that_points_outside_it_is_an_error()
    {
        this.WriteBytes("secret.bin", 64);
        this.WriteModel("m/classifier/1/model.onnx", OnnxModels.Graph([OnnxModels.ExternalTensor("w", "weights.bin", "0", "4")]));
        this.WriteBytes("m/shared.bin", 64);
        File.CreateSymbolicLink(this.temp.Combine("m/classifier/1/weights.bin"), "../../shared.bin");

        var finding = Assert.Single(this.Check().Diagnostics, d => d.Code == "MPK4021");
        Assert.Equal("classifier/1/model.onnx", finding.Path);
        Assert.Contains("resolves through a link to 'shared.bin'", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_link_inside_the_folder_is_followed_and_its_targets_size_counts()
    {
        this.WriteModel("m/model.onnx", OnnxModels.Graph([OnnxModels.ExternalTensor("w", "current.bin", "0", "32")]));
        this.WriteBytes("m/weights/v2.bin", 16);
        File.CreateSymbolicLink(this.temp.Combine("m/current.bin"), "weights/v2.bin");

        Assert.Equal(["MPK4022"], this.OnnxCodes());
    }

    [Fact]
    public void A_missing_external_data_file_is_an_error_naming_the_first_tensor_and_how_many_more()
    {
        this.WriteModel("m/model.onnx", OnnxModels.Graph([OnnxModels.ExternalTensor("w", "gone.bin", "0", "4"), OnnxModels.ExternalTensor("b", "gone.bin", "4", "4")]));

        var finding = Assert.Single(this.Check().Diagnostics, d => d.Code == "MPK4022");
        Assert.Equal("model.onnx", finding.Path);
        Assert.Contains("tensor 'w' (and 1 more): 'gone.bin' does not exist", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_shorter_than_offset_plus_length_is_an_error_at_the_tensor_that_needs_the_most()
    {
        this.WriteModel("m/model.onnx", OnnxModels.Graph([OnnxModels.ExternalTensor("w", "w.bin", "0", "8"), OnnxModels.ExternalTensor("b", "w.bin", "8", "8")]));
        this.WriteBytes("m/w.bin", 12);

        var finding = Assert.Single(this.Check().Diagnostics, d => d.Code == "MPK4022");
        Assert.Contains("tensor 'b' (and 1 more): 'w.bin' has 12 bytes, but the data ends at byte 16", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-4", "4")]
    [InlineData("0", "0x10")]
    [InlineData(" 1", "4")]
    [InlineData("9223372036854775807", "9")]
    public void An_offset_or_length_that_is_not_a_plain_number_of_bytes_is_an_error(string offset, string length)
    {
        this.WriteModel("m/model.onnx", OnnxModels.Graph([OnnxModels.ExternalTensor("w", "w.bin", offset, length)]));
        this.WriteBytes("m/w.bin", 64);

        Assert.Equal(["MPK4022"], this.OnnxCodes());
    }

    [Fact]
    public void A_tensor_marked_external_without_a_location_is_an_error()
    {
        var tensor = new Protobuf().Varint(1, 4).Varint(2, 1).String(8, "w").Varint(14, 1);
        this.WriteModel("m/model.onnx", OnnxModels.Graph([tensor]));

        var finding = Assert.Single(this.Check().Diagnostics, d => d.Code == "MPK4022");
        Assert.Contains("names no location", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void External_data_in_a_node_attribute_tensor_is_found()
    {
        var constant = OnnxModels.NodeWithAttribute("Constant", 5, OnnxModels.ExternalTensor("c", "../../etc/passwd"), 4);
        this.WriteModel("m/model.onnx", OnnxModels.Graph(nodes: [constant]));

        Assert.Equal(["MPK4021"], this.OnnxCodes());
    }

    [Fact]
    public void External_data_in_a_subgraph_of_a_subgraph_a_sparse_initializer_and_a_function_is_found()
    {
        // If.then_branch (attribute g, 6) holds a graph whose Loop.body (attribute graphs, 11) holds the tensor.
        var inner = OnnxModels.Graph([OnnxModels.ExternalTensor("deep", "/etc/shadow")]);
        var loop = OnnxModels.NodeWithAttribute("Loop", 11, inner, 10);
        var branch = OnnxModels.Graph(nodes: [loop]);
        var sparse = new Protobuf().Message(1, OnnxModels.ExternalTensor("values", "gone-values.bin")).Message(2, OnnxModels.InlineTensor("indices", 1));
        var graph = OnnxModels.Graph(nodes: [OnnxModels.NodeWithAttribute("If", 6, branch, 5)]).Message(15, sparse);
        var function = new Protobuf().String(1, "f").Message(7, OnnxModels.NodeWithAttribute("Constant", 10, OnnxModels.ExternalTensor("fc", "gone-function.bin"), 9));
        this.WriteModel("m/model.onnx", graph, (25, function));

        Assert.Equal(
            ["MPK4021 tensor 'deep' at '/etc/shadow' is an absolute path", "MPK4022 tensor 'values': 'gone-values.bin' does not exist beside the model; 1 more like it"],
            this.Check().Diagnostics.Where(d => d.Code.StartsWith("MPK402", StringComparison.Ordinal)).Select(d => $"{d.Code} {d.Message[17..]}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_truncated_model_is_an_error_and_not_clean()
    {
        var model = OnnxModels.Model(OnnxModels.Graph([OnnxModels.InlineTensor("w", 100)])).ToArray();
        this.WriteRaw("m/model.onnx", model[..(model.Length - 20)]);

        var finding = Assert.Single(this.Check().Diagnostics, d => d.Code == "MPK4020");
        Assert.Equal("model.onnx", finding.Path);
    }

    [Theory]
    [InlineData(new byte[] { 0x08, 0x08, 0x3B }, "group")] // field 7 with the start-group wire type
    [InlineData(new byte[] { 0x08, 0x08, 0x38, 0x01 }, "not length-delimited")] // graph as a varint
    [InlineData(new byte[] { 0x0A, 0x01, 0x08 }, "not varint")] // ir_version as a string
    [InlineData(new byte[] { 0x08, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F }, "overflows")]
    [InlineData(new byte[] { 0x08, 0x08, 0x3A, 0x7F, 0x00 }, "past the end of the file")]
    [InlineData(new byte[] { 0x00, 0x00 }, "field number 0")]
    public void Malformed_protobuf_in_an_onnx_file_is_an_error(byte[] bytes, string reason)
    {
        this.WriteRaw("m/model.onnx", bytes);

        var finding = Assert.Single(this.Check().Diagnostics, d => d.Code == "MPK4020");
        Assert.Contains(reason, finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wrong_wire_type_deep_inside_the_graph_is_an_error()
    {
        // TensorProto.external_data (13) as a varint inside an initializer.
        var tensor = new Protobuf().String(8, "w").Varint(13, 1);
        this.WriteModel("m/model.onnx", OnnxModels.Graph([tensor]));

        Assert.Equal(["MPK4020"], this.OnnxCodes());
    }

    [Fact]
    public void A_message_longer_than_its_parent_is_an_error()
    {
        // A node whose attribute claims more bytes than the node holds.
        var node = new Protobuf().String(4, "Identity").LengthPrefix(5, 50).Raw(0x0A, 0x01, 0x61);
        this.WriteModel("m/model.onnx", OnnxModels.Graph(nodes: [node]));

        var finding = Assert.Single(this.Check().Diagnostics, d => d.Code == "MPK4020");
        Assert.Contains("past the end of its NodeProto", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_model_without_a_graph_and_an_empty_onnx_file_are_errors()
    {
        this.WriteRaw("m/a.onnx", new Protobuf().Varint(1, 8).ToArray());
        this.WriteRaw("m/b.onnx", []);

        Assert.Equal(["MPK4020", "MPK4020"], this.OnnxCodes());
    }

    [Fact]
    public void Nesting_past_protobufs_recursion_limit_is_an_error()
    {
        var graph = OnnxModels.Graph();
        for (var i = 0; i < 60; i++)
        {
            graph = OnnxModels.Graph(nodes: [OnnxModels.NodeWithAttribute("If", 6, graph, 5)]);
        }

        this.WriteModel("m/model.onnx", graph);

        var finding = Assert.Single(this.Check().Diagnostics, d => d.Code == "MPK4020");
        Assert.Contains("deeper than 100", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_model_under_another_name_is_judged_when_it_parses_and_other_files_are_left_alone()
    {
        this.WriteModel("m/model.bin", OnnxModels.Graph([OnnxModels.ExternalTensor("w", "../../etc/passwd")]));
        this.WriteRaw("m/notes.bin", [0x08, 0x08, 0x3B, 0x00]); // starts like ONNX, then breaks: not a model
        this.WriteRaw("m/other.dat", Encoding.ASCII.GetBytes("plain text, not protobuf"));

        Assert.Equal(["MPK4021 model.bin"], this.Check().Diagnostics.Where(d => d.Code.StartsWith("MPK402", StringComparison.Ordinal)).Select(d => $"{d.Code} {d.Path}"));
    }

    [Fact]
    public void The_same_models_in_a_tar_gz_are_judged_as_in_the_folder()
    {
        var clean = OnnxModels.Model(OnnxModels.Graph([OnnxModels.ExternalTensor("w", "model.onnx.data", "0", "16")])).ToArray();
        var outside = OnnxModels.Model(OnnxModels.Graph([OnnxModels.ExternalTensor("w", "../../etc/passwd", "0", "4")])).ToArray();
        var viaLink = OnnxModels.Model(OnnxModels.Graph([OnnxModels.ExternalTensor("w", "link.bin", "0", "4")])).ToArray();
        var missing = OnnxModels.Model(OnnxModels.Graph([OnnxModels.ExternalTensor("w", "gone.bin", "0", "4")])).ToArray();
        var truncated = clean[..^3];
        var archive = new TarBuilder()
            .Entry(Encoding.UTF8.GetBytes("a/model.onnx"), '0', clean)
            .Entry(Encoding.UTF8.GetBytes("a/model.onnx.data"), '0', new byte[12])
            .Entry(Encoding.UTF8.GetBytes("b/model.onnx"), '0', outside)
            .Entry(Encoding.UTF8.GetBytes("c/model.onnx"), '0', viaLink)
            .Symlink("c/link.bin", "../a/model.onnx.data")
            .Entry(Encoding.UTF8.GetBytes("d/model.onnx"), '0', missing)
            .Entry(Encoding.UTF8.GetBytes("e/model.onnx"), '0', truncated)
            .End().ToGzip();
        File.WriteAllBytes(this.temp.Combine("m.tar.gz"), archive);
        this.WriteRaw("m/a/model.onnx", clean);
        this.WriteBytes("m/a/model.onnx.data", 12);
        this.WriteRaw("m/b/model.onnx", outside);
        this.WriteRaw("m/c/model.onnx", viaLink);
        File.CreateSymbolicLink(this.temp.Combine("m/c/link.bin"), "../a/model.onnx.data");
        this.WriteRaw("m/d/model.onnx", missing);
        this.WriteRaw("m/e/model.onnx", truncated);

        string[] expected = ["MPK4020 e/model.onnx", "MPK4021 b/model.onnx", "MPK4021 c/model.onnx", "MPK4022 a/model.onnx", "MPK4022 d/model.onnx"];
        Assert.Equal(expected, Codes(this.Check("m.tar.gz")));
        Assert.Equal(expected, Codes(this.Check("m")));
    }

    [Theory]
    [InlineData(true, new string[0])]
    [InlineData(false, new[] { "MPK4021 model.onnx" })]
    public void Of_a_model_an_archive_holds_twice_the_copy_extracted_last_is_judged(bool hostileFirst, string[] expected)
    {
        var hostile = OnnxModels.Model(OnnxModels.Graph([OnnxModels.ExternalTensor("w", "../../etc/passwd")])).ToArray();
        var clean = OnnxModels.Identity();
        File.WriteAllBytes(this.temp.Combine("m.tar.gz"), new TarBuilder()
            .Entry(Encoding.UTF8.GetBytes("model.onnx"), '0', hostileFirst ? hostile : clean)
            .Entry(Encoding.UTF8.GetBytes("model.onnx"), '0', hostileFirst ? clean : hostile)
            .End().ToGzip());

        Assert.Equal(expected, Codes(this.Check("m.tar.gz")));
    }

    [Fact]
    public void A_large_inline_payload_in_a_folder_is_seeked_over()
    {
        // 64 MiB of raw_data in a sparse file: the reader seeks past it, the model is clean.
        var payload = 64 << 20;
        var tensorHead = new Protobuf().Varint(1, (ulong)(payload / 4)).Varint(2, 1).String(8, "w").LengthPrefix(9, (ulong)payload).ToArray();
        var initializer = new Protobuf().LengthPrefix(5, (ulong)(tensorHead.Length + payload)).Raw(tensorHead).ToArray();
        var graph = OnnxModels.Graph().ToArray();
        var head = new Protobuf().Varint(1, 8).LengthPrefix(7, (ulong)(graph.Length + initializer.Length + payload)).Raw(graph).Raw(initializer).ToArray();
        Directory.CreateDirectory(this.temp.Combine("m"));
        using (var file = File.Create(this.temp.Combine("m/model.onnx")))
        {
            file.Write(head);
            file.SetLength(head.Length + payload);
        }

        Assert.Empty(this.OnnxCodes());
    }

    [Fact]
    public void Fed_one_byte_at_a_time_the_reader_finds_what_it_finds_in_one_piece()
    {
        var model = OnnxModels.Model(OnnxModels.Graph(
            [OnnxModels.InlineTensor("i", 300), OnnxModels.ExternalTensor("w", "w.bin", "0", "4")],
            [OnnxModels.NodeWithAttribute("Constant", 5, OnnxModels.ExternalTensor("c", "c.bin", "8", "4"), 4)])).ToArray();
        var whole = new ModelPackTools.Content.Onnx.OnnxModelReader(model.Length);
        var pieces = new ModelPackTools.Content.Onnx.OnnxModelReader(model.Length);

        whole.Feed(model);
        foreach (var b in model)
        {
            pieces.Feed([b]);
        }

        whole.Finish();
        pieces.Finish();
        Assert.Null(pieces.Error);
        Assert.Equal(8, pieces.IrVersion);
        Assert.True(pieces.HasGraph);
        Assert.Equal(["c c.bin", "w w.bin"], pieces.ExternalTensors.Select(t => $"{t.Name} {t.Last("location")}").Order(StringComparer.Ordinal));
        Assert.Equal(whole.ExternalTensors.Select(t => t.Name), pieces.ExternalTensors.Select(t => t.Name));
    }

    [Fact]
    public void Every_truncation_and_every_corrupted_byte_is_refused_or_read_never_thrown()
    {
        var model = OnnxModels.Model(OnnxModels.Graph(
            [OnnxModels.InlineTensor("i", 3), OnnxModels.ExternalTensor("w", "w.bin", "0", "4")],
            [OnnxModels.NodeWithAttribute("If", 6, OnnxModels.Graph([OnnxModels.ExternalTensor("d", "d.bin")]), 5)])).ToArray();
        var refused = 0;
        for (var length = 0; length < model.Length; length++)
        {
            var reader = Read(model[..length]);
            refused += reader.Error is not null || reader.HasGraph is false ? 1 : 0;
        }

        for (var i = 0; i < model.Length; i++)
        {
            foreach (var value in (byte[])[0x00, 0x7F, 0x80, 0xFF, (byte)(model[i] ^ 0x07)])
            {
                var corrupt = (byte[])model.Clone();
                corrupt[i] = value;
                Read(corrupt); // must not throw
            }
        }

        // Only a cut at a top-level field boundary after the graph (before opset_import) is a complete ModelProto.
        Assert.Equal(model.Length - 1, refused);
    }

    [Fact]
    public void The_templates_triton_model_is_the_minimal_identity_model()
    {
        Assert.Equal(OnnxModels.Identity(), File.ReadAllBytes(Path.Combine(RepositoryPaths.Root, "templates", "modelpack", "frameworks", "triton", "model.onnx")));
    }

    private static ModelPackTools.Content.Onnx.OnnxModelReader Read(byte[] bytes)
    {
        var reader = new ModelPackTools.Content.Onnx.OnnxModelReader(bytes.Length);
        reader.Feed(bytes);
        reader.Finish();
        return reader;
    }

    private static string[] Codes(ExtractionReport report) =>
        [.. report.Diagnostics.Where(d => d.Code.StartsWith("MPK402", StringComparison.Ordinal)).Select(d => $"{d.Code} {d.Path}").Order(StringComparer.Ordinal)];

    private void WriteModel(string path, Protobuf graph, params (int Field, Protobuf Message)[] extra) =>
        this.WriteRaw(path, OnnxModels.Model(graph, extra).ToArray());

    private void WriteRaw(string path, byte[] bytes)
    {
        var full = this.temp.Combine(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, bytes);
    }

    private void WriteBytes(string path, int count) => this.WriteRaw(path, new byte[count]);

    private string[] OnnxCodes() =>
        [.. this.Check().Diagnostics.Where(d => d.Code.StartsWith("MPK402", StringComparison.Ordinal)).Select(d => d.Code)];

    private ExtractionReport Check(string path = "m") =>
        ModelChecker.Check(this.temp.Combine(path), SettingsParser.Parse(new SettingsText())).Report;
}

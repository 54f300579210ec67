using ModelPackTools.Build;
using ModelPackTools.Core.Tests.Support;
using ModelPackTools.Spec;

namespace ModelPackTools.Core.Tests.Content;

/// <summary>`build` scans the model's content: a content error leaves no artifact; the spec's `allowImports` accepts a reviewed import.</summary>
public sealed class ContentScanBuildTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => this.temp.Dispose();

    [Fact]
    public async Task Build_refuses_a_pickle_outside_the_allowlist_and_writes_no_archive()
    {
        this.Pickle();
        var (spec, _) = SpecReader.Read(this.temp.Write("m/modelpack.json", "{}"));

        var result = await BuildPipeline.RunAsync(spec!, this.temp.Combine("out"), Writers.Build);

        Assert.True(result.HasErrors);
        Assert.Contains(result.Diagnostics, d => d.Code == "MPK4001" && d.Path == "model.pkl");
        Assert.False(File.Exists(this.temp.Combine("out/model.tar.gz")));
    }

    [Fact]
    public async Task The_specs_allow_imports_accept_the_reviewed_import()
    {
        this.Pickle();
        var (spec, findings) = SpecReader.Read(this.temp.Write("m/modelpack.json", """{ "allowImports": ["argparse.Namespace"] }"""));

        var result = await BuildPipeline.RunAsync(spec!, this.temp.Combine("out"), Writers.Build);

        Assert.Empty(findings);
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        Assert.True(File.Exists(this.temp.Combine("out/model.tar.gz")));
    }

    [Fact]
    public void A_spec_allow_import_that_is_no_dotted_name_is_an_invalid_value_at_its_key()
    {
        var (_, findings) = SpecReader.Read(this.temp.Write("m/modelpack.json", """{ "allowImports": ["argparse"] }"""));

        var finding = Assert.Single(findings);
        Assert.Equal(("MPK6005", "$.allowImports"), (finding.Code, finding.Path));
    }

    private void Pickle()
    {
        Directory.CreateDirectory(this.temp.Combine("m"));
        File.WriteAllBytes(this.temp.Combine("m/model.pkl"), ModelFiles.StackGlobal("argparse", "Namespace"));
    }
}

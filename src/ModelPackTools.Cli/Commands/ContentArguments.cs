using System.CommandLine;
using ModelPackTools.Options;

namespace ModelPackTools.Cli.Commands;

/// <summary>
/// `--allow-import module.name` (check, pack, layout, build) and `--no-content-scan` (check only): the content scan is
/// on by default; writers always scan, so a content error refuses their output like any other error.
/// </summary>
internal sealed class ContentArguments
{
    public Option<string[]> AllowImport { get; } = new("--allow-import")
    {
        Description = "A pickle import you reviewed and accept, module.name (repeatable), e.g. mypackage.MyModel: " +
                      "otherwise every import outside the allowlist is an error (MPK4001).",
        Arity = ArgumentArity.ZeroOrMore,
    };

    public Option<bool> NoContentScan { get; } = new("--no-content-scan")
    {
        Description = "Skip the content scan (pickle imports, safetensors headers): check names and layout only.",
    };

    /// <summary>The settings text with the reviewed imports, and "none" for the scanners when the scan is skipped.</summary>
    public SettingsText Apply(ParseResult parse, SettingsText text) =>
        text with
        {
            AllowImports = parse.GetValue(this.AllowImport),
            ContentScanners = parse.GetResult(this.NoContentScan) is not null && parse.GetValue(this.NoContentScan) ? "none" : text.ContentScanners,
        };
}

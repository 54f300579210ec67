using System.CommandLine;
using System.Globalization;
using ModelPackTools.Build;
using ModelPackTools.Packing;

namespace ModelPackTools.Cli.Commands;

/// <summary>The packing options `build` and `request` share, parsed once into <see cref="BuildOptions"/>.</summary>
internal sealed class BuildArguments
{
    public Option<int> Level { get; } = new("--level") { Description = "gzip level 0-9 for format tar.gz (6 is gzip's default).", DefaultValueFactory = _ => 6 };

    public Option<int> Threads { get; } = new("--threads") { Description = "Threads (default: all cores). The output bytes do not depend on it.", DefaultValueFactory = _ => Environment.ProcessorCount };

    public IEnumerable<Option> All => [this.Level, this.Threads];

    public BuildOptions? TryParse(ParseResult parse, out string? problem)
    {
        problem = null;
        if (parse.GetValue(this.Level) is < 0 or > 9)
        {
            problem = "--level must be 0 to 9";
            return null;
        }

        if (parse.GetValue(this.Threads) < 1)
        {
            problem = "--threads must be at least 1";
            return null;
        }

        var mtime = PackOptions.DefaultModificationTime;
        var epoch = Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH");
        if (!string.IsNullOrEmpty(epoch) && (!long.TryParse(epoch, NumberStyles.None, CultureInfo.InvariantCulture, out mtime) || mtime > 0x1FFFFFFFF))
        {
            problem = $"SOURCE_DATE_EPOCH='{epoch}' is not a number of seconds since 1970 that tar can store";
            return null;
        }

        return new BuildOptions { Level = parse.GetValue(this.Level), Threads = parse.GetValue(this.Threads), ModificationTime = mtime };
    }
}

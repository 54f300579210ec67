using System.CommandLine;
using ModelPackTools.Spec;

namespace ModelPackTools.Cli.Commands;

/// <summary>`modelpack init`: a commented starting modelpack.json for a folder, and the JSON Schema beside it.</summary>
internal static class InitCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var folder = new Argument<string>("folder") { Description = "The model folder.", DefaultValueFactory = _ => "." };
        var target = new Option<string>("--output", "-o") { Description = "The spec to write.", DefaultValueFactory = _ => SpecFile.DefaultName };
        var force = new Option<bool>("--force") { Description = "Overwrite an existing spec." };
        var command = new Command(
            "init",
            "Write a commented starting modelpack.json for a model folder (framework and entry point inferred from the files " +
            "present) and modelpack.schema.json beside it, which the spec's $schema names so editors complete the keys.")
        {
            folder, target, force,
        };
        command.SetAction(parse =>
        {
            var model = Path.GetFullPath(parse.GetValue(folder)!);
            var spec = Path.GetFullPath(parse.GetValue(target)!);
            if (!Directory.Exists(model))
            {
                return CommandFailure.Report(error, $"'{parse.GetValue(folder)}' is not a folder");
            }

            if (File.Exists(spec) && !parse.GetValue(force))
            {
                return CommandFailure.Report(error, $"'{parse.GetValue(target)}' exists; use --force to overwrite it");
            }

            try
            {
                var directory = Path.GetDirectoryName(spec)!;
                Directory.CreateDirectory(directory);
                File.WriteAllText(spec, SpecTemplate.Render(model, directory));
                File.WriteAllBytes(Path.Combine(directory, SpecTemplate.SchemaFileName), SpecTemplate.Schema());
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return CommandFailure.Report(error, $"cannot write '{parse.GetValue(target)}': {e.Message}");
            }

            output.WriteLine($"wrote {parse.GetValue(target)} and {SpecTemplate.SchemaFileName}; edit it, then run `modelpack build --spec {parse.GetValue(target)}`");
            return ExitCodes.Clean;
        });
        return command;
    }
}

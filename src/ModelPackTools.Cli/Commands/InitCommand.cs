using System.CommandLine;
using ModelPackTools.Spec;

namespace ModelPackTools.Cli.Commands;

/// <summary>`modelpack init`: a commented starting modelpack.json for a folder, and the JSON Schema beside it.</summary>
internal static class InitCommand
{
    public static Command Create(TextWriter output)
    {
        var folder = new Argument<string>("folder") { Description = "The model folder.", DefaultValueFactory = _ => "." };
        var target = new Option<string>("--output", "-o") { Description = "The spec to write.", DefaultValueFactory = _ => SpecReader.DefaultFileName };
        var force = new Option<bool>("--force") { Description = "Overwrite an existing spec." };
        var command = new Command(
            "init",
            "Write a commented starting modelpack.json for a model folder (framework and entry point inferred from the files " +
            "present) and modelpack.schema.json beside it, which the spec's $schema names so editors complete the keys. " +
            "`build` leaves both out of the model.")
        {
            folder, target, force,
        };
        command.SetAction(parse =>
        {
            SpecTemplate.Write(parse.GetValue(folder)!, parse.GetValue(target)!, parse.GetValue(force));
            output.WriteLine($"wrote {parse.GetValue(target)} and {SpecTemplate.SchemaFileName}; edit it, then run `modelpack build --spec {parse.GetValue(target)}`");
            return ExitCodes.Clean;
        });
        return command;
    }
}

using System.Text;
using System.Text.Json;
using ModelPackTools.Diagnostics;

namespace ModelPackTools.Spec;

/// <summary>
/// The commented starting spec `modelpack init` writes for a folder: what can be inferred is filled in, the rest is
/// commented out with an example, and the file references the JSON Schema written beside it.
/// </summary>
public static class SpecTemplate
{
    public const string SchemaFileName = "modelpack.schema.json";

    /// <summary>`init`: writes the starting spec for a folder and the schema beside it.</summary>
    /// <exception cref="ModelPackException">The folder is missing (MPK9002), the spec exists (MPK9010), or writing fails (MPK9006).</exception>
    public static void Write(string modelFolder, string specPath, bool overwrite)
    {
        var model = Path.GetFullPath(modelFolder);
        var spec = Path.GetFullPath(specPath);
        if (!Directory.Exists(model))
        {
            throw new ModelPackException(DiagnosticCatalog.InputNotFound, modelFolder, "not a folder");
        }

        if (File.Exists(spec) && !overwrite)
        {
            throw ModelPackException.ForSetting(SettingNames.Overwrite, DiagnosticCatalog.OutputExists, specPath);
        }

        try
        {
            var directory = Path.GetDirectoryName(spec)!;
            Directory.CreateDirectory(directory);
            File.WriteAllText(spec, Render(model, directory));
            File.WriteAllBytes(Path.Combine(directory, SchemaFileName), Schema());
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw ModelPackException.Because(e, DiagnosticCatalog.OutputNotWritten, specPath, e.Message);
        }
    }

    public static string Render(string modelFolder, string specDirectory)
    {
        var hints = FrameworkHints.Infer(modelFolder);
        var source = Path.GetRelativePath(specDirectory, modelFolder).Replace(Path.DirectorySeparatorChar, '/');
        var name = Sanitize(Path.GetFileName(Path.GetFullPath(modelFolder).TrimEnd(Path.DirectorySeparatorChar)));
        var text = new StringBuilder();
        void Line(string line) => text.Append(line).Append('\n');
        string Quote(string value) => JsonSerializer.Serialize(value, SpecJsonContext.Default.String);

        Line("{");
        Line($"  \"$schema\": \"{SchemaFileName}\",");
        Line("  // Written by `modelpack init`. `modelpack build` checks and packs the model, then writes the");
        Line("  // CreateModelPackage request; keys are checked strictly (a typo is an error, not a default).");
        Line("");
        Line("  // Register a version in a model package group, or (instead) create an unversioned package with");
        Line("  // \"modelPackageName\", which also needs realtimeInstanceTypes and transformInstanceTypes.");
        Line($"  \"modelPackageGroupName\": {Quote(name)},");
        Line($"  // \"description\": \"What the model does\",");
        Line("");
        Line($"  \"source\": {Quote(source.Length == 0 ? "." : source)},");
        Line(hints.StrayNames.Count > 0
            ? $"  \"exclude\": [{string.Join(", ", hints.StrayNames.Select(s => Quote("**/" + s)))}],"
            : "  // \"exclude\": [\"**/*.tmp\"],");
        Line("  // tar.gz: one model.tar.gz (ModelDataUrl). prefix: uncompressed files under an S3 prefix (ModelDataSource),");
        Line("  // which SageMaker does not support for batch transform, serverless, multi-model endpoints or Marketplace.");
        Line("  \"format\": \"tar.gz\",");
        Line($"  // Where the model will be uploaded; without it, build writes the artifact but no request.");
        Line($"  // \"s3Uri\": \"s3://your-bucket/models/{name}/{Destinations.ArchiveName}\",");
        Line("  \"uploader\": \"aws-cli\", // the part sizes of the upload decide the ETags: aws-cli, dotnet, single (or \"partSize\": \"64MiB\")");
        Line("");
        Line("  // The inference image, required to deploy, e.g. a SageMaker framework container for your region.");
        Line("  // \"image\": \"763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-inference:2.3.0-cpu-py311-ubuntu20.04-sagemaker\",");
        if (hints.Framework is not null)
        {
            Line($"  \"framework\": {Quote(hints.Framework)}, // inferred from {hints.Reason}");
        }
        else
        {
            Line("  // \"framework\": \"PYTORCH\",");
        }

        Line("  // \"frameworkVersion\": \"2.3\",");
        if (hints.EntryPoint is not null)
        {
            var directory = hints.EntryPoint.Contains('/', StringComparison.Ordinal) ? "/opt/ml/model/" + hints.EntryPoint[..hints.EntryPoint.LastIndexOf('/')] : "/opt/ml/model";
            Line($"  \"environment\": {{ // {hints.EntryPoint} looks like a SageMaker inference handler");
            Line($"    \"SAGEMAKER_PROGRAM\": {Quote(hints.EntryPoint[(hints.EntryPoint.LastIndexOf('/') + 1)..])},");
            Line($"    \"SAGEMAKER_SUBMIT_DIRECTORY\": {Quote(directory)}");
            Line("  },");
        }
        else
        {
            Line("  // \"environment\": { \"SAGEMAKER_PROGRAM\": \"inference.py\" },");
        }

        Line("  \"contentTypes\": [\"application/json\"],");
        Line("  \"responseMimeTypes\": [\"application/json\"],");
        Line("  \"realtimeInstanceTypes\": [\"ml.m5.large\"],");
        Line("  // \"transformInstanceTypes\": [\"ml.m5.large\"],");
        Line("  \"approvalStatus\": \"PendingManualApproval\",");
        Line("  // \"tags\": { \"team\": \"ml\" },");
        Line("  // \"customerMetadata\": { \"commit\": \"abc1234\" },");
        Line("  // \"additionalModelDataSources\": [{ \"channelName\": \"draft\", \"s3Uri\": \"s3://your-bucket/draft/\" }],");
        Line("  // \"layoutMode\": \"auto\" // format prefix: auto (hard links, else copies), link or copy");
        Line("}");
        return text.ToString();
    }

    /// <summary>The JSON Schema shipped in the tool, for the file `init` writes beside the spec.</summary>
    public static byte[] Schema()
    {
        using var stream = typeof(SpecTemplate).Assembly.GetManifestResourceStream("ModelPackTools.modelpack.schema.json")
            ?? throw new InvalidOperationException("the modelpack.json schema is not embedded in the tool");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    // A model package group name: letters, digits and hyphens, starting and ending with a letter or digit.
    private static string Sanitize(string folderName)
    {
        var name = new string(folderName.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');
        return name.Length == 0 ? "my-model" : name.Length > 63 ? name[..63].TrimEnd('-') : name;
    }
}

[System.Text.Json.Serialization.JsonSerializable(typeof(string))]
internal sealed partial class SpecJsonContext : System.Text.Json.Serialization.JsonSerializerContext;

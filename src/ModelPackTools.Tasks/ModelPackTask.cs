using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using ModelPackTools.Build;
using ModelPackTools.Diagnostics;
using ModelPackTools.Extraction;
using ModelPackTools.Options;
using ModelPackTools.Spec;

namespace ModelPackTools.Tasks;

/// <summary>
/// What every ModelPack task reads from MSBuild properties: the spec (or, without one, the model folder), the output
/// folder and the settings that override the spec. Turning them into engine settings is the engine's job
/// (<see cref="SettingsParser"/>, <see cref="SpecOverrides"/>); this class only carries text and logs what comes back.
/// </summary>
public abstract class ModelPackTask : Microsoft.Build.Utilities.Task
{
    /// <summary>modelpack.json; when it does not exist, <see cref="Source"/> is packed with the defaults.</summary>
    public string? Spec { get; set; }

    /// <summary>The model folder when there is no spec.</summary>
    public string? Source { get; set; }

    /// <summary>The ModelPackFile items: without a spec, the files of <see cref="Source"/> to pack (default: all of them).</summary>
    public ITaskItem[] ModelFiles { get; set; } = [];

    [Required]
    public string OutputPath { get; set; } = string.Empty;

    public string? Format { get; set; }

    public string? S3Uri { get; set; }

    public string? PartSize { get; set; }

    public string? Uploader { get; set; }

    public string? Level { get; set; }

    public string? SourceDateEpoch { get; set; }

    public string? Profile { get; set; }

    /// <summary>"all" (the default), "none", or a comma-separated list of content scanners.</summary>
    public string? ContentScanners { get; set; }

    /// <summary>Reviewed pickle imports (module.name) the content scan accepts, beside the spec's allowImports.</summary>
    public string[] AllowImports { get; set; } = [];

    /// <summary>
    /// The spec with its overrides, and the write and check settings; false (everything logged) when any is wrong.
    /// </summary>
    protected bool TryResolve(int threads, out ModelPackSpec spec, out WriteSettings write, out CheckSettings check)
    {
        spec = new ModelPackSpec();
        var ok = true;
        if (!string.IsNullOrEmpty(this.Spec) && File.Exists(this.Spec))
        {
            var (read, diagnostics) = SpecReader.Read(this.Spec);
            DiagnosticLogging.LogAll(this.Log, diagnostics, this.Spec, null);
            ok = read is not null;
            spec = read ?? spec;
        }
        else
        {
            spec = new ModelPackSpec { BaseDirectory = this.Source ?? Directory.GetCurrentDirectory() };
            ok = this.TrySelectModelFiles(ref spec);
        }

        var overrides = new SpecOverrides { Format = this.Format, S3Uri = this.S3Uri, PartSize = this.PartSize, Uploader = this.Uploader };
        ok &= overrides.TryApply(spec, out spec, out var p1)
            & SettingsParser.TryParse(new WriteText { Level = this.Level, SourceDateEpoch = this.SourceDateEpoch }, threads, out write, out var p2)
            & SettingsParser.TryParse(new SettingsText { Profile = this.Profile, ContentScanners = this.ContentScanners, AllowImports = this.AllowImports }, out check, out var p3);
        foreach (var problem in p1.Concat(p2).Concat(p3))
        {
            DiagnosticLogging.Log(this.Log, problem with { Message = $"{problem.Message} ({PropertyFor(problem.Setting)})" }, this.Spec, null);
        }

        return ok;
    }

    // ModelPackFile items become the spec's include list, as paths relative to the model folder (the globs' only
    // wildcards are * and ?, which file names seldom hold). An item outside the folder cannot be packed from it.
    private bool TrySelectModelFiles(ref ModelPackSpec spec)
    {
        if (this.ModelFiles.Length == 0)
        {
            return true;
        }

        var root = spec.SourcePath;
        var include = new List<string>();
        foreach (var item in this.ModelFiles)
        {
            var relative = Path.GetRelativePath(root, item.GetMetadata("FullPath"));
            if (relative == "." || relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative))
            {
                var problem = DiagnosticCatalog.InvalidOption.Create(null, $"the ModelPackFile item '{item.ItemSpec}' is not inside ModelPackSource '{root}'");
                DiagnosticLogging.Log(this.Log, problem, null, null);
                return false;
            }

            include.Add(relative.Replace(Path.DirectorySeparatorChar, '/'));
        }

        spec = spec with { Include = include };
        return true;
    }

    // The MSBuild property a setting is spelled as here, so an MPK9004 names what to change in the project.
    private static string PropertyFor(string? setting) => setting switch
    {
        SettingNames.ArtifactFormat => "ModelPackFormat",
        SettingNames.S3Uri => "ModelPackS3Uri",
        SettingNames.PartSize => "ModelPackPartSize",
        SettingNames.Uploader => "ModelPackUploader",
        SettingNames.Level => "ModelPackLevel",
        SettingNames.SourceDateEpoch => "ModelPackSourceDateEpoch",
        SettingNames.Profile => "ModelPackProfile",
        SettingNames.ContentScanners => "ModelPackContentScanners",
        SettingNames.AllowImports => "ModelPackAllowImports",
        _ => setting ?? "a ModelPack property",
    };

    protected void LogFailure(ModelPackException e, ModelPackSpec? spec) =>
        DiagnosticLogging.Log(this.Log, e.Diagnostic, spec?.SpecPath ?? this.Spec, spec?.SourcePath);

    protected static ITaskItem[] Items(IEnumerable<string> paths) => [.. paths.Select(p => new TaskItem(p))];
}

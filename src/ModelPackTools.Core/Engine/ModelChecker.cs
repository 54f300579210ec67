using ModelPackTools.Content;
using ModelPackTools.Diagnostics;
using ModelPackTools.Extraction;
using ModelPackTools.S3;
using ModelPackTools.Selection;
using ModelPackTools.Sources;
using ModelPackTools.Trees;

namespace ModelPackTools.Engine;

/// <summary>
/// The one check every command starts with: which kind of input it is, which data mode applies by default, the
/// read, the selection, the content inspection and the simulation. Writers then take the <see cref="ModelCheck"/>
/// and never read the input again.
/// </summary>
public static class ModelChecker
{
    /// <summary>
    /// `check`: any input (folder, archive, listing, manifest; an s3:// prefix through <paramref name="live"/>), its
    /// content inspected as part of the check (a folder's files are read for it, an archive's members as they stream).
    /// </summary>
    public static ModelCheck Check(string input, CheckSettings settings, ILiveListing? live = null, CancellationToken cancellationToken = default)
    {
        var content = new ContentInspection(settings.ContentInspectors);
        ModelTree tree;
        if (ModelSourceReader.IsS3Uri(input))
        {
            if (!S3Location.TryParse(input, out var location))
            {
                throw ModelPackException.ForSetting(SettingNames.S3Uri, DiagnosticCatalog.InvalidOption, $"'{input}' is not an s3://bucket/prefix/ URI");
            }

            tree = (live ?? throw new ModelPackException(DiagnosticCatalog.InputNotFound, input, "listing S3 live needs the S3 client"))
                .List(location!, cancellationToken);

            // A live listing is stored at the URI it was listed from, unless the settings say where it will be.
            settings = settings with { S3Uri = settings.S3Uri ?? location };
        }
        else if (settings.Mode == ExtractionMode.S3ObjectNone && File.Exists(input) && !Directory.Exists(input))
        {
            tree = ListingOfTheObject(input, settings) ?? SingleObject(input, settings);
        }
        else
        {
            tree = ModelSourceReader.Read(input, new ModelSourceOptions { S3Uri = settings.S3Uri, Archive = settings.Archive with { Content = content } });
        }

        RefuseGzipModeForListing(input, tree, settings);
        tree = ObjectListing.AsObject(tree, settings);
        tree = PrefixListing.WithoutSlash(tree, settings);
        if (tree.SourceKind != SourceKind.Directory)
        {
            return ModelCheck.Run(tree, settings, content, contentPending: false);
        }

        var selected = settings.Selection.Apply(tree, out var excluded);
        InspectFiles(selected, content, cancellationToken);
        return ModelCheck.Run(selected, settings, content, contentPending: false, excluded);
    }

    /// <summary>
    /// The check of a model folder for a writer that reads every file (pack, manifest): the content inspectors are
    /// fed by that read instead of one of their own (<see cref="ModelCheck.ContentPending"/>).
    /// </summary>
    /// <param name="exclusions">Paths to leave out whatever the selection's globs say, chosen from the walk (a previous build's output).</param>
    public static ModelCheck CheckFolder(string folder, CheckSettings settings, Func<ModelTree, IEnumerable<ExcludedPath>>? exclusions = null)
    {
        var tree = DirectorySource.Read(folder);
        if (exclusions is not null)
        {
            settings = settings with { Selection = settings.Selection.With(exclusions(tree)) };
        }

        var selected = settings.Selection.Apply(tree, out var excluded);
        return ModelCheck.Run(selected, settings, new ContentInspection(settings.ContentInspectors), contentPending: true, excluded);
    }

    /// <summary>Reads the files of a checked folder for the inspectors, each only as far as they want it.</summary>
    public static ModelCheck InspectPendingContent(ModelCheck check, CancellationToken cancellationToken = default)
    {
        if (!check.ContentPending)
        {
            return check;
        }

        InspectFiles(check.Tree, check.Content, cancellationToken);
        return ModelCheck.Run(check.Tree, check.Settings, check.Content, contentPending: false, check.Excluded);
    }

    private static void InspectFiles(ModelTree tree, ContentInspection content, CancellationToken cancellationToken)
    {
        if (content.IsEmpty)
        {
            return;
        }

        foreach (var entry in tree.Entries.Where(e => e.Kind == EntryKind.File && e.LocalPath is not null))
        {
            if (content.Begin(entry.Path, entry.Size, entry.LocalPath) is { } tap)
            {
                ContentReader.Inspect(tap, entry.LocalPath!, cancellationToken);
            }
        }
    }

    /// <summary>
    /// S3Object with CompressionType=None: the file is the one object, deployed under the last part of its key (the
    /// --s3-uri's, else the file's name); its contents are not a listing or an archive to open.
    /// </summary>
    private static ModelTree SingleObject(string input, CheckSettings settings)
    {
        var key = settings.S3Uri is { IsPrefix: false } uri ? uri.Key : Path.GetFileName(input);
        var name = ObjectListing.LastPart(key);
        var entry = new ModelEntry { Path = name, Kind = EntryKind.File, Size = new FileInfo(input).Length, LocalPath = input };
        return new ModelTree(input, SourceKind.Listing, [entry], ObjectListing.ArchiveAsOneFile(name) is { } found ? [found] : []);
    }

    /// <summary>
    /// S3Object with CompressionType=None given a listing that holds the --s3-uri's own key: the listing describes that one
    /// object (<see cref="ObjectListing"/>). Any other file, JSON and CSV models included, is the object itself.
    /// </summary>
    private static ModelTree? ListingOfTheObject(string input, CheckSettings settings)
    {
        if (settings.S3Uri is not { IsPrefix: false } || !ModelSourceReader.IsObjectListing(input))
        {
            return null;
        }

        try
        {
            var tree = ModelSourceReader.Read(input, new ModelSourceOptions { S3Uri = settings.S3Uri });
            return tree.SourceKind == SourceKind.Listing && ObjectListing.OwnObject(tree) is not null ? tree : null;
        }
        catch (ModelPackException)
        {
            return null; // not a listing after all: the file is the object
        }
    }

    private static void RefuseGzipModeForListing(string input, ModelTree tree, CheckSettings settings)
    {
        if (tree.SourceKind == SourceKind.Listing && settings.Mode == ExtractionMode.S3ObjectGzip)
        {
            throw ModelPackException.ForSetting(
                SettingNames.Mode, DiagnosticCatalog.InvalidOption,
                $"'{input}' is a listing of S3 objects; check the model.tar.gz itself for the mode s3object-gzip");
        }
    }
}

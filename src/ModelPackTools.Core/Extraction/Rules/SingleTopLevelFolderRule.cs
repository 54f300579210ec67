using ModelPackTools.Diagnostics;
using ModelPackTools.Extraction.Profiles;
using ModelPackTools.Trees;

namespace ModelPackTools.Extraction.Rules;

/// <summary>
/// Everything wrapped in one top-level folder: the "model/model.pth" mistake (MPK3004), unless a serving container
/// reads that folder as it is (<see cref="AcceptedWrapper"/>: TensorFlow Serving, Triton, LMI, a code/-only archive).
/// </summary>
internal sealed class SingleTopLevelFolderRule : ITreeRule
{
    public void Check(VirtualFileSystem tree, ExtractionContext context)
    {
        if (context.Mode == ExtractionMode.S3ObjectNone || tree.Root.Children is not { Count: 1 } top)
        {
            return;
        }

        var only = top.Values.Single();
        if (!only.IsDirectory || only.Children!.Count == 0)
        {
            return;
        }

        if (AcceptedWrapper.Reason(only) is { } reason)
        {
            context.AcceptedWrapper = reason;
        }
        else
        {
            context.Diagnostics.Add(DiagnosticCatalog.SingleTopLevelFolder, only.Name, only.Name);
        }
    }
}

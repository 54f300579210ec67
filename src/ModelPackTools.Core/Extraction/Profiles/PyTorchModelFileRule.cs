using ModelPackTools.Diagnostics;
using ModelPackTools.Trees;

namespace ModelPackTools.Extraction.Profiles;

/// <summary>
/// PyTorch: something must give the container a model. The handler module is code/&lt;SAGEMAKER_PROGRAM&gt;
/// (aws/sagemaker-inference-toolkit environment.py, default inference.py); when it is named but absent the toolkit
/// falls back to the defaults silently (MPK7010). Without one, default_model_fn
/// (aws/sagemaker-pytorch-inference-toolkit default_pytorch_inference_handler.py) loads model.pt, else the only
/// .pt/.pth at the root (MPK7009).
/// </summary>
internal sealed class PyTorchModelFileRule : ITreeRule
{
    public void Check(VirtualFileSystem tree, ExtractionContext context)
    {
        var program = context.Value("SAGEMAKER_PROGRAM");
        var script = program is null ? "inference.py" : program.EndsWith(".py", StringComparison.Ordinal) ? program : program + ".py";
        var code = tree.Root.Children!.GetValueOrDefault("code");
        if (code is { IsDirectory: true } && code.Children!.TryGetValue(script, out var handler) && handler.IsFile)
        {
            return;
        }

        if (program is not null)
        {
            context.Diagnostics.Add(DiagnosticCatalog.ProgramMissing, null, script);
        }

        var root = tree.Root.Children!.Values.Where(n => n.IsFile).ToList();
        var loadable = root.Any(n => n.Name == "model.pt") ||
            root.Count(n => n.Name.EndsWith(".pt", StringComparison.Ordinal) || n.Name.EndsWith(".pth", StringComparison.Ordinal)) == 1;
        if (!loadable)
        {
            context.Diagnostics.Add(DiagnosticCatalog.PyTorchNothingToLoad, null, "code/" + script);
        }
    }
}

using ModelPackTools.Diagnostics;
using ModelPackTools.Trees;

namespace ModelPackTools.Extraction.Profiles;

/// <summary>
/// Hugging Face, TGI and LMI load /opt/ml/model with transformers, which needs config.json, unless the environment
/// names a Hub model or an LMI serving.properties says where the model is (MPK7013). A code/-only archive is left to
/// <see cref="NoModelFileRule"/>, which says the same thing more precisely.
/// </summary>
internal sealed class HuggingFaceConfigRule : ITreeRule
{
    public void Check(VirtualFileSystem tree, ExtractionContext context)
    {
        var root = tree.Root.Children!;
        if (context.NamesHubModel() || NoModelFileRule.OnlyHandlerCode(tree) ||
            (root.TryGetValue("config.json", out var config) && config.IsFile) ||
            HuggingFaceLayout.ServingProperties(tree) is not null)
        {
            return;
        }

        context.Diagnostics.Add(DiagnosticCatalog.HuggingFaceNoConfig, null);
    }
}

using ModelPackTools.Diagnostics;
using ModelPackTools.Trees;

namespace ModelPackTools.Extraction.Profiles;

/// <summary>
/// A container that serves several models from /opt/ml/model picks the default one from an environment variable:
/// when set it must name one of the models (an error: the container fails), and without it
/// several models leave the choice to the container (a warning: the environment may be set elsewhere). Multi-model endpoints
/// (SAGEMAKER_MULTI_MODEL=true) load models from elsewhere, so the rule stays quiet there.
/// </summary>
internal abstract class DefaultModelRule(string variable, DiagnosticDescriptor missing, DiagnosticDescriptor several) : ITreeRule
{
    public void Check(VirtualFileSystem tree, ExtractionContext context)
    {
        if (context.IsMultiModel())
        {
            return;
        }

        var models = this.Models(tree);
        if (context.Value(variable) is { } name)
        {
            if (this.Judges(models) && !models.Contains(name))
            {
                context.Diagnostics.Add(missing, null, name);
            }
        }
        else if (models.Count > 1)
        {
            context.Diagnostics.Add(several, null, models.Count, string.Join(", ", models));
        }
    }

    /// <summary>The names the variable may take, sorted ordinally.</summary>
    protected abstract IReadOnlyList<string> Models(VirtualFileSystem tree);

    /// <summary>Whether a name missing from <paramref name="models"/> is this rule's finding (not another rule's).</summary>
    protected virtual bool Judges(IReadOnlyList<string> models) => true;
}

using System.Text;
using ModelPackTools.Diagnostics;

namespace ModelPackTools.Extraction.Rules;

/// <summary>Sibling names that differ only in letter case (MPK3001): fine on Linux, one file on macOS and Windows.</summary>
internal sealed class CaseOnlyPairRule : ITreeRule
{
    public void Check(VirtualFileSystem tree, ExtractionContext context) =>
        SiblingPairs.Report(tree, context, DiagnosticCatalog.CaseOnlyPair, static name => Fold(name));

    // Normalise first so a pair that differs in both case and normalisation is reported once, by MPK1009 only.
    private static string Fold(string name)
    {
        try
        {
            return name.Normalize(NormalizationForm.FormC).ToUpperInvariant();
        }
        catch (ArgumentException)
        {
            return name.ToUpperInvariant(); // unpaired surrogates cannot be normalised
        }
    }
}

using System.Text;
using ModelPackTools.Diagnostics;

namespace ModelPackTools.Extraction.Rules;

/// <summary>Sibling names equal after Unicode NFC normalisation but different as stored (MPK1009).</summary>
internal sealed class NormalizationPairRule : ITreeRule
{
    // Normalisation needs ICU; in .NET's invariant-globalization mode Normalize() silently returns its input.
    private static readonly bool CanNormalize = "e\u0301".Normalize(NormalizationForm.FormC) == "\u00e9";

    public void Check(VirtualFileSystem tree, ExtractionContext context)
    {
        if (!CanNormalize)
        {
            return;
        }

        SiblingPairs.Report(tree, context, DiagnosticCatalog.NormalizationPair, static name => name.IsNormalized(NormalizationForm.FormC) ? name : name.Normalize(NormalizationForm.FormC));
    }
}

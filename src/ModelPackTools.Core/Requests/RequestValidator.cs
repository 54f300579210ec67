using System.Text.Json;
using ModelPackTools.Diagnostics;

namespace ModelPackTools.Requests;

/// <summary>The API's shape constraints, then its documented rules, over one request document.</summary>
public static class RequestValidator
{
    public static IReadOnlyList<Diagnostic> Validate(ReadOnlyMemory<byte> requestJson)
    {
        var diagnostics = new DiagnosticBag();
        using var document = JsonDocument.Parse(requestJson);
        ShapeValidator.Validate(document.RootElement, ShapeModel.CreateModelPackage, diagnostics);
        RequestRules.Check(document.RootElement, diagnostics);
        return diagnostics.Items;
    }
}

namespace ModelPackTools.Diagnostics;

/// <summary>MPK6xxx: the modelpack.json spec file.</summary>
public static partial class DiagnosticCatalog
{
    private const string SpecRule =
        "modelpack.json is read strictly so that a typo does not silently fall back to a default. The path is the " +
        "JSON path in the spec, and the location its line and column. `modelpack init` writes a valid starting spec, and the " +
        "`$schema` it references lets editors complete and check keys.";

    public static readonly DiagnosticDescriptor SpecNotJson = new(
        "MPK6001", "Spec is not valid JSON", DiagnosticSeverity.Error,
        "{0}",
        SpecRule + " Comments (`//`, `/* */`) and trailing commas are accepted. Fix: correct the syntax at the line shown.");

    public static readonly DiagnosticDescriptor SpecUnknownKey = new(
        "MPK6002", "Unknown key in spec", DiagnosticSeverity.Error,
        "unknown key '{0}'{1}",
        SpecRule + " Fix: check the spelling; keys are camelCase and case-sensitive.");

    public static readonly DiagnosticDescriptor SpecWrongType = new(
        "MPK6003", "Spec value has the wrong type", DiagnosticSeverity.Error,
        "expected {0}, found {1}",
        SpecRule + " Fix: write the value with the type shown (a string in quotes, a list in [], an object in {}).");

    public static readonly DiagnosticDescriptor SpecInvalidValue = new(
        "MPK6005", "Spec value is not valid", DiagnosticSeverity.Error,
        "{0}",
        SpecRule + " Fix: use one of the values the message names.");

    public static readonly DiagnosticDescriptor SpecDuplicateKey = new(
        "MPK6006", "Duplicate key in spec", DiagnosticSeverity.Error,
        "'{0}' appears more than once; JSON readers disagree on which one wins",
        SpecRule + " Fix: keep one.");
}

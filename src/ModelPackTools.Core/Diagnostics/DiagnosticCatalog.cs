using System.Reflection;

namespace ModelPackTools.Diagnostics;

/// <summary>
/// Every diagnostic the engine can report. Codes are stable: tests, CI scripts and suppressions depend on them,
/// so a code is never reused for a different meaning. One partial file per area
/// (<c>DiagnosticCatalog.&lt;Area&gt;.cs</c>):
/// MPK1xxx names and paths (the SageMaker ModelDataSource rules),
/// MPK2xxx archive and link safety,
/// MPK3xxx surprising but deployable layouts (warnings),
/// MPK4xxx what a model file would do when loaded (content findings),
/// MPK5xxx the CreateModelPackage request: 50xx the API's shape constraints, 51xx the rules its documentation states,
/// MPK6xxx the modelpack.json spec file,
/// MPK7xxx framework profiles: what one serving container expects under /opt/ml/model,
/// MPK8xxx the MSBuild build step,
/// MPK9xxx failures: input that could not be read as a model at all, bad option values, I/O and S3 errors.
/// </summary>
public static partial class DiagnosticCatalog
{
    private static IReadOnlyList<DiagnosticDescriptor>? all;

    // Collected from the fields of every partial file, so an area adds codes without registering them here.
    // Lazily, after the type's initialisers have run: their order across partial files is unspecified.
    public static IReadOnlyList<DiagnosticDescriptor> All => all ??=
        [.. typeof(DiagnosticCatalog).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
            .OrderBy(d => d.Code, StringComparer.Ordinal)];

    public static DiagnosticDescriptor? Find(string code) =>
        All.FirstOrDefault(d => string.Equals(d.Code, code, StringComparison.OrdinalIgnoreCase));
}

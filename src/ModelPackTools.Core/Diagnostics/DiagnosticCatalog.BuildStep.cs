namespace ModelPackTools.Diagnostics;

// MPK8xxx: the MSBuild build step (the ModelPackTools.Build package), for what only a build step can get wrong.
public static partial class DiagnosticCatalog
{
    // Raised by build/ModelPackTools.Build.targets itself (an <Error Code="MPK8001">), before any task loads.
    public static readonly DiagnosticDescriptor MSBuildTooOld = new(
        "MPK8001", "MSBuild cannot run the ModelPack tasks", DiagnosticSeverity.Error,
        "MSBuild {0} on .NET Framework cannot run the ModelPack tasks, which are built for .NET",
        "The ModelPack tasks are .NET assemblies. `dotnet build` runs them in-process; Visual Studio's msbuild.exe (.NET " +
        "Framework) runs them in MSBuild's .NET task host (TaskHostFactory with Runtime=\"NET\"), which MSBuild 18.0 " +
        "(Visual Studio 2026, .NET SDK 10) introduced. Older msbuild.exe versions cannot load them at all. Fix: build " +
        "with `dotnet build`, update Visual Studio, or run `modelpack build` in a step of its own.");
}

namespace ModelPackTools.Tests.Shared;

/// <summary>Finds the checkout from the test binary, so tests never depend on the machine's paths.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string SampleModel => Path.Combine(Root, "templates", "modelpack", "model");

    /// <summary>The configuration this test assembly was built in (Debug or Release), to pack the tool the same way.</summary>
    public static string Configuration { get; } =
        AppContext.BaseDirectory.Split(Path.DirectorySeparatorChar).Contains("Release") ? "Release" : "Debug";

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ModelPackTools.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("ModelPackTools.sln not found above " + AppContext.BaseDirectory);
    }
}

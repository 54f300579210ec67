using System.Reflection;

namespace ModelPackTools.Reporting;

/// <summary>The tool's name and version as reports state them.</summary>
public static class ToolInfo
{
    public const string Name = "modelpack";

    public const string InformationUri = "https://github.com/modelpacktools/modelpacktools";

    public static string Version { get; } =
        typeof(ToolInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";
}

using System.Runtime.InteropServices;
using ModelPackTools.Archives;
using ModelPackTools.Reporting;

namespace ModelPackTools.Requests;

/// <summary>
/// What the bytes of a build depend on beyond its inputs: the tool's version, the .NET runtime it ran on and the
/// deflate implementation that compressed the archive. facts.json records it, and `request --facts` takes facts only
/// from the same origin, so a request never pairs a spec with ETags another build of the tool computed.
/// </summary>
public sealed record FactsOrigin(string Tool, string Runtime, string Compression)
{
    public static FactsOrigin Current { get; } = new(
        $"{ToolInfo.Name} {ToolInfo.Version}", RuntimeInformation.FrameworkDescription, BlockCompressor.Implementation);
}

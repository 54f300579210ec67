namespace ModelPackTools.Content.Pickle;

/// <summary>One import an unpickler would perform: `module.name`, found at this byte offset of the stream.</summary>
public sealed record PickleImport(string Module, string Name, long Offset)
{
    /// <summary>The dotted name, e.g. "collections.OrderedDict".</summary>
    public string FullName => this.Module + "." + this.Name;
}

/// <summary>
/// What the disassembler saw in one pickle stream: every import in order, and the first reason the stream could not
/// be parsed completely (fail closed: truncated, unknown opcode, data after STOP), or null when it parsed to STOP.
/// </summary>
public sealed record PickleDisassembly(IReadOnlyList<PickleImport> Imports, string? Error, long ErrorOffset);

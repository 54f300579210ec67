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
public sealed record PickleDisassembly(IReadOnlyList<PickleImport> Imports, string? Error, long ErrorOffset)
{
    /// <summary>The persistent ids (PERSID, BINPERSID) in order: what torch's persistent_load resolves to storage records.</summary>
    public IReadOnlyList<PicklePersistentId> PersistentIds { get; init; } = [];

    /// <summary>BUILD applied directly to an imported global (a class, function or module): its attributes are rewritten.</summary>
    public IReadOnlyList<PickleImport> GlobalBuilds { get; init; } = [];

    /// <summary>The calls of loaders that unpickle their argument, with the bytes they are given where those are constant.</summary>
    public IReadOnlyList<PickleNestedLoad> NestedLoads { get; init; } = [];

    /// <summary>The imported globals the stream calls (REDUCE, INST, OBJ, NEWOBJ, NEWOBJ_EX) before its STOP or where it broke.</summary>
    public IReadOnlyList<PickleImport> Calls { get; init; } = [];

    /// <summary>Where the stream ended: just after its STOP, or where it broke.</summary>
    public int End { get; init; }

    /// <summary>The top of the simulated stack at STOP (what the pickle returns), as far as the disassembler kept it.</summary>
    internal object? Value { get; init; }
}

/// <summary>
/// One persistent id: its string fields (null where a field is not a string). torch.save writes
/// ('storage', storage_type, key, location, numel): the key names the record `data/&lt;key&gt;` of the zip.
/// </summary>
public sealed record PicklePersistentId(IReadOnlyList<string?> Fields, long Offset)
{
    /// <summary>The storage key when this is a torch storage reference, else null.</summary>
    public string? StorageKey => this.Fields is ["storage", _, { } key, ..] ? key : null;
}

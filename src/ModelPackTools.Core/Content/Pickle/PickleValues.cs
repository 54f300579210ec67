namespace ModelPackTools.Content.Pickle;

/// <summary>
/// The values the disassembler keeps on its simulated stack and memo: only as much as a decision needs (a string for
/// STACK_GLOBAL, a bytes constant for a nested loader, ints and tuples for a joblib array's shape, a dict for a
/// wrapper's state). Everything else is <see cref="Other"/>.
/// </summary>
internal static class PickleValue
{
    public static readonly object Other = new();
    public static readonly object Mark = new();
    public static readonly object None = new();
}

/// <summary>An integer wider than 64 bits (LONG1, LONG4): torch's legacy magic number is one.</summary>
internal sealed record PickleBigInteger(System.Numerics.BigInteger Value);

/// <summary>A class, function or module an import put on the stack (not yet called).</summary>
internal sealed record GlobalRef(PickleImport Import);

/// <summary>A tuple on the simulated stack, kept so a persistent id's fields and a call's arguments can be read.</summary>
internal sealed record PickleTuple(List<object> Items);

/// <summary>A list (EMPTY_LIST, LIST, APPEND, APPENDS): torch's legacy storage-key list is one.</summary>
internal sealed record PickleList(List<object> Items);

/// <summary>A dict (EMPTY_DICT, DICT, SETITEM, SETITEMS): the state BUILD gives an object.</summary>
internal sealed class PickleDict
{
    public List<(object Key, object Value)> Items { get; } = [];

    /// <summary>The last value stored under a string key (a later SETITEM wins, as in Python), or null.</summary>
    public object? Get(string key)
    {
        object? found = null;
        foreach (var (k, v) in this.Items)
        {
            if (k is string s && s == key)
            {
                found = v;
            }
        }

        return found;
    }
}

/// <summary>
/// A bytes constant of the stream (BINBYTES, SHORT_BINBYTES, BINBYTES8, BYTEARRAY8), by its place in the stream so
/// large constants are not copied; or bytes the scan computed (`_codecs.encode(text, 'latin1')`, how protocol 2
/// writes bytes).
/// </summary>
internal sealed record PickleBytes(int Start, int Length, byte[]? Computed = null)
{
    public byte[] ToArray(ReadOnlySpan<byte> stream) => this.Computed ?? stream.Slice(this.Start, this.Length).ToArray();
}

/// <summary>What a call (REDUCE, NEWOBJ, OBJ, INST) of an imported class or function returned; BUILD sets its state.</summary>
internal sealed class PickleObject(GlobalRef type, object arguments)
{
    public GlobalRef Type => type;

    public object Arguments => arguments;

    public object? State { get; set; }
}

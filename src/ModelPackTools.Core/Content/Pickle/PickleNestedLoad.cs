namespace ModelPackTools.Content.Pickle;

/// <summary>
/// One call of a loader that unpickles its argument (<see cref="PickleLoaders"/>): the loader's import, where the call
/// is, and the bytes it is given when they are a constant of the stream (null when they are computed, or the call
/// has no bytes argument: then nothing can be scanned and the call is refused).
/// </summary>
public sealed record PickleNestedLoad(PickleImport Loader, long Offset, byte[]? Payload);

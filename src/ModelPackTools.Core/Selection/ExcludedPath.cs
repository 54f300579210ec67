namespace ModelPackTools.Selection;

/// <summary>A path of a model folder that does not take part, and why ("the spec's exclude globs", "the spec file").</summary>
public sealed record ExcludedPath(string Path, string Reason);

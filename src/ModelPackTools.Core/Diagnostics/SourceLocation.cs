namespace ModelPackTools.Diagnostics;

/// <summary>
/// Where in a text file a finding is: the file as the user named it, a 1-based line and column (0 when unknown).
/// Printed in the canonical form MSBuild, VS Code and CI log parsers read: <c>modelpack.json(7,3)</c>.
/// </summary>
public sealed record SourceLocation(string File, int Line, int Column = 0)
{
    public override string ToString() => this.Column > 0 ? $"{this.File}({this.Line},{this.Column})" : $"{this.File}({this.Line})";
}

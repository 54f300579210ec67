namespace ModelPackTools.Diagnostics;

/// <summary>
/// A finding about one entry (or, with a null path, about the input as a whole). <see cref="Path"/> is the entry or
/// JSON path the finding is about; <see cref="Location"/>, when known, is the line of a text file it points at (a spec
/// key); <see cref="Setting"/> names the option to change (<see cref="SettingNames"/>), which each front-end spells
/// its own way (`--part-size`, an MSBuild property), so engine messages never name command-line flags.
/// Path and message are shown text: a name byte that is not UTF-8 reads `\xe9` (<see cref="RawNameText.Display"/>),
/// so two names that differ only in such bytes stay two in every output format.
/// </summary>
public sealed record Diagnostic(DiagnosticDescriptor Descriptor, string? Path, string Message)
{
    public string? Path { get; init => field = RawNameText.DisplayOrNull(value); } = RawNameText.DisplayOrNull(Path);

    public string Message { get; init => field = RawNameText.Display(value); } = RawNameText.Display(Message);

    public string Code => this.Descriptor.Code;

    public DiagnosticSeverity Severity => this.Descriptor.Severity;

    public bool IsError => this.Severity == DiagnosticSeverity.Error;

    public SourceLocation? Location { get; init; }

    public string? Setting { get; init; }

    public override string ToString() =>
        $"{this.Location?.ToString() ?? this.Path ?? "(input)"}: {(this.IsError ? "error" : "warning")} {this.Code}: {this.Message}";
}

using ModelPackTools.Diagnostics;

namespace ModelPackTools.Content;

/// <summary>
/// One inspector's pass over one file. Called from one thread at a time, though different files are scanned on
/// different threads at once.
/// </summary>
public interface IContentScan
{
    /// <summary>The next bytes of the file, in order, in pieces of any size; false when the scan has seen enough.</summary>
    bool Append(ReadOnlySpan<byte> data);

    /// <summary>After the last byte (or once <see cref="Append"/> returned false): the findings, at the subject's path.</summary>
    IEnumerable<Diagnostic> Complete();

    /// <summary>
    /// After <see cref="Complete"/>: whether the file was this scanner's format and was judged as such, for the
    /// report's coverage (<see cref="ContentCoverage"/>). A scan that looked at the first bytes and let go says false.
    /// The default is false, so that a scan that does not say never overstates what was scanned: its files show as
    /// not scanned until it does.
    /// </summary>
    bool Claimed => false;
}

namespace ModelPackTools.Packing;

/// <summary>One member of the archive to write: a directory, or a file whose bytes come from <see cref="LocalPath"/>.</summary>
public sealed record PackEntry(string Path, bool IsDirectory, string? LocalPath, long Size, bool IsExecutable)
{
    /// <summary>The sort key: the name's stored bytes (UTF-8, or raw where it is not), so the order is the same on every platform and runtime.</summary>
    public byte[] PathUtf8 { get; } = Diagnostics.RawNameText.Encode(Path);
}

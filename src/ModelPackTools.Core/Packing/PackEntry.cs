namespace ModelPackTools.Packing;

/// <summary>One member of the archive to write: a directory, or a file whose bytes come from <see cref="LocalPath"/>.</summary>
public sealed record PackEntry(string Path, bool IsDirectory, string? LocalPath, long Size, bool IsExecutable)
{
    /// <summary>The sort key: ordinal UTF-8 bytes, so the order is the same on every platform and runtime.</summary>
    public byte[] PathUtf8 { get; } = System.Text.Encoding.UTF8.GetBytes(Path);
}

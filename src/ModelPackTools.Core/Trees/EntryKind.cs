namespace ModelPackTools.Trees;

/// <summary>What an entry is. Sources record every kind they meet; the rules decide what is acceptable.</summary>
public enum EntryKind
{
    File,
    Directory,
    SymbolicLink,
    HardLink,
    Fifo,
    CharacterDevice,
    BlockDevice,
    Socket,

    /// <summary>A GNU or PAX sparse file.</summary>
    Sparse,

    /// <summary>An archive type flag no extractor agrees on (multi-volume, volume label, vendor extensions).</summary>
    Unknown,

    /// <summary>A directory entry the source could not read (permissions, I/O error).</summary>
    Unreadable,
}

using System.Runtime.InteropServices;
using ModelPackTools.Trees;

namespace ModelPackTools.Sources;

/// <summary>
/// lstat for the directory walk. .NET's FileSystemInfo tells files, directories and links apart but not FIFOs,
/// sockets or devices, which must be recorded (and refused), never opened: opening a FIFO blocks. On Linux this
/// calls statx(2), whose buffer layout is the same on every architecture (unlike struct stat); elsewhere it falls
/// back to what FileSystemInfo knows.
/// </summary>
internal static partial class FileStatus
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxType = 0x0001;
    private const uint StatxMode = 0x0002;
    private const int ModeOffset = 28;

    public static EntryKind KindOf(FileSystemInfo info)
    {
        if (OperatingSystem.IsLinux() && TryStatxMode(info.FullName, out var mode))
        {
            return KindOfMode(mode);
        }

        if (info.LinkTarget is not null)
        {
            return EntryKind.SymbolicLink;
        }

        return (info.Attributes & FileAttributes.Directory) != 0 ? EntryKind.Directory : EntryKind.File;
    }

    /// <summary>
    /// What a path names, following links (an input given on the command line may be a link to the model); null when
    /// not known (not Linux, or statx failed: the caller's own checks then report it).
    /// </summary>
    public static EntryKind? KindOfTarget(string path)
    {
        if (!OperatingSystem.IsLinux() || !TryStatxMode(path, out var mode, follow: true))
        {
            return null;
        }

        return KindOfMode(mode);
    }

    private static EntryKind KindOfMode(int mode) => (mode & 0xF000) switch
    {
        0x8000 => EntryKind.File,
        0x4000 => EntryKind.Directory,
        0xA000 => EntryKind.SymbolicLink,
        0x1000 => EntryKind.Fifo,
        0x2000 => EntryKind.CharacterDevice,
        0x6000 => EntryKind.BlockDevice,
        0xC000 => EntryKind.Socket,
        _ => EntryKind.Unknown,
    };

    private static unsafe bool TryStatxMode(string path, out int mode, bool follow = false)
    {
        mode = 0;
        byte* buffer = stackalloc byte[256];
        try
        {
            if (Statx(AtFdCwd, path, follow ? 0 : AtSymlinkNoFollow, StatxType | StatxMode, buffer) != 0)
            {
                return false;
            }
        }
        catch (EntryPointNotFoundException)
        {
            return false;
        }

        mode = *(ushort*)(buffer + ModeOffset);
        return true;
    }

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8)]
    private static unsafe partial int Statx(int dirFd, string path, int flags, uint mask, byte* buffer);
}

using System.Runtime.InteropServices;
using ModelPackTools.IO;
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
    private const uint StatxSize = 0x0200;
    private const int ModeOffset = 28;
    private const int SizeOffset = 40;

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

    /// <summary>
    /// lstat by the path's stored bytes (<see cref="RawPathFile"/>), for names .NET cannot pass on: the kind, the
    /// permission bits and the size. False when statx fails (the entry then vanished or is unreadable).
    /// </summary>
    public static unsafe bool TryStatRaw(string path, out EntryKind kind, out int mode, out long size)
    {
        (kind, mode, size) = (EntryKind.Unknown, 0, 0);
        byte* buffer = stackalloc byte[256];
        fixed (byte* p = RawPathFile.Terminated(path))
        {
            if (StatxBytes(AtFdCwd, p, AtSymlinkNoFollow, StatxType | StatxMode | StatxSize, buffer) != 0)
            {
                return false;
            }
        }

        var bits = *(ushort*)(buffer + ModeOffset);
        (kind, mode, size) = (KindOfMode(bits), bits & 0xFFF, *(long*)(buffer + SizeOffset));
        return true;
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

    [LibraryImport("libc", EntryPoint = "statx")]
    private static unsafe partial int StatxBytes(int dirFd, byte* path, int flags, uint mask, byte* buffer);
}

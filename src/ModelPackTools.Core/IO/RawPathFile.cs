using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;
using ModelPackTools.Diagnostics;

namespace ModelPackTools.IO;

/// <summary>
/// Opens, lists and stats local paths whose names are not UTF-8 by their stored bytes. .NET marshals a path string to
/// UTF-8 and turns each undecodable byte of a directory listing into U+FFFD, so a file named `caf\xe9.txt` on Linux can
/// neither be listed by its name nor reopened (issue 10, item 3). Paths here are <see cref="RawNameText"/> strings: one
/// that is plain UTF-8 goes through .NET as usual; one that keeps raw bytes goes to libc (open(2), opendir(3),
/// readdir(3), readlink(2), mkdir(2), link(2)) with exactly those bytes.
/// </summary>
public static unsafe partial class RawPathFile
{
    private const int ReadOnly = 0; // O_RDONLY
    private const int CloseOnExec = 0x80000; // O_CLOEXEC (Linux, every architecture .NET runs on)
    private const int WriteOnly = 0x1; // O_WRONLY
    private const int Create = 0x40; // O_CREAT
    private const int Exclusive = 0x80; // O_EXCL
    private const int AlreadyExists = 17; // EEXIST
    private const int NameOffset = 19; // struct dirent: d_ino(8) d_off(8) d_reclen(2) d_type(1) d_name (glibc and musl, 64-bit)

    /// <summary>Whether a path must go to libc by its bytes (it holds bytes that are not UTF-8).</summary>
    public static bool NeedsRawBytes(string path) => RawNameText.HasRawBytes(path);

    /// <summary>A read-only stream over the file, opened by its stored bytes where .NET could not name it.</summary>
    public static FileStream OpenRead(string path, int bufferSize = 1, FileOptions options = FileOptions.SequentialScan)
    {
        if (!NeedsRawBytes(path) || !OperatingSystem.IsLinux())
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize, options);
        }

        var fd = Open(Terminated(path), ReadOnly | CloseOnExec, 0);
        if (fd < 0)
        {
            throw new IOException($"cannot open '{RawNameText.Display(path)}': {Marshal.GetLastPInvokeErrorMessage()}");
        }

        return new FileStream(new SafeFileHandle(fd, ownsHandle: true), FileAccess.Read, Math.Max(bufferSize, 0));
    }

    /// <summary>
    /// A read-only handle on the file, opened by its stored bytes where .NET could not name it: hashing reads parts at
    /// their offsets through handles like this one (RandomAccess), and its length comes from the open file, not the name.
    /// </summary>
    public static SafeFileHandle OpenHandle(string path)
    {
        if (!NeedsRawBytes(path) || !OperatingSystem.IsLinux())
        {
            return File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        }

        var fd = Open(Terminated(path), ReadOnly | CloseOnExec, 0);
        return fd >= 0
            ? new SafeFileHandle(fd, ownsHandle: true)
            : throw new IOException($"cannot open '{RawNameText.Display(path)}': {Marshal.GetLastPInvokeErrorMessage()}");
    }

    /// <summary>The names in a directory as their stored bytes decode (<see cref="RawNameText.Decode"/>), without `.` and `..`.</summary>
    public static List<string> ListNames(string directory)
    {
        var stream = OpenDir(Terminated(directory));
        if (stream == IntPtr.Zero)
        {
            throw new IOException($"cannot list '{RawNameText.Display(directory)}': {Marshal.GetLastPInvokeErrorMessage()}");
        }

        var names = new List<string>();
        try
        {
            while (ReadDir(stream) is var entry && entry != IntPtr.Zero)
            {
                var name = MemoryMarshal.CreateReadOnlySpanFromNullTerminated((byte*)entry + NameOffset);
                if (name.SequenceEqual("."u8) || name.SequenceEqual(".."u8))
                {
                    continue;
                }

                names.Add(RawNameText.Decode(name, out _));
            }
        }
        finally
        {
            _ = CloseDir(stream);
        }

        return names;
    }

    /// <summary>The target of a symbolic link as stored, or null when it cannot be read.</summary>
    public static string? ReadLink(string path)
    {
        var buffer = new byte[4096];
        fixed (byte* target = buffer)
        {
            var length = ReadLinkBytes(Terminated(path), target, buffer.Length);
            return length < 0 ? null : RawNameText.Decode(buffer.AsSpan(0, (int)length), out _);
        }
    }

    /// <summary>Directory.CreateDirectory by stored bytes: each missing component is made with mkdir(2).</summary>
    public static void CreateDirectory(string path)
    {
        if (!NeedsRawBytes(path) || !OperatingSystem.IsLinux())
        {
            Directory.CreateDirectory(path);
            return;
        }

        var parent = Path.GetDirectoryName(path);
        if (parent is not null && parent != path)
        {
            CreateDirectory(parent);
        }

        fixed (byte* p = Terminated(path))
        {
            if (MakeDirectory(p, 0x1ED) != 0 && Marshal.GetLastPInvokeError() != AlreadyExists)
            {
                throw new IOException($"cannot create '{RawNameText.Display(path)}': {Marshal.GetLastPInvokeErrorMessage()}");
            }
        }
    }

    /// <summary>link(2) by stored bytes; false when the file system refuses.</summary>
    public static bool TryLink(string existing, string link)
    {
        fixed (byte* from = Terminated(existing))
        fixed (byte* to = Terminated(link))
        {
            return LinkBytes(from, to) == 0;
        }
    }

    /// <summary>
    /// File.Copy by stored bytes: the target is created new (never overwritten) and given exactly <paramref name="mode"/>
    /// (fchmod, so the umask does not change it), the mode pack writes into the tar header for the same file.
    /// </summary>
    public static void Copy(string source, string target, UnixFileMode mode)
    {
        if ((!NeedsRawBytes(source) && !NeedsRawBytes(target)) || !OperatingSystem.IsLinux())
        {
            File.Copy(source, target);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(target, mode);
            }

            return;
        }

        using var input = OpenRead(source, bufferSize: 0);
        var fd = Open(Terminated(target), WriteOnly | Create | Exclusive | CloseOnExec, 0x180); // 0600 until fchmod below
        if (fd < 0)
        {
            throw new IOException($"cannot create '{RawNameText.Display(target)}': {Marshal.GetLastPInvokeErrorMessage()}");
        }

        using var output = new FileStream(new SafeFileHandle(fd, ownsHandle: true), FileAccess.Write, 0);
        File.SetUnixFileMode(output.SafeFileHandle, mode);
        input.CopyTo(output, 1 << 20);
    }

    /// <summary>The path's stored bytes, NUL-terminated for libc.</summary>
    public static byte[] Terminated(string path) => [.. RawNameText.Encode(path), 0];

    private static int Open(byte[] path, int flags, int mode)
    {
        fixed (byte* p = path)
        {
            return OpenBytes(p, flags, mode);
        }
    }

    private static IntPtr OpenDir(byte[] path)
    {
        fixed (byte* p = path)
        {
            return OpenDirBytes(p);
        }
    }

    private static nint ReadLinkBytes(byte[] path, byte* buffer, int size)
    {
        fixed (byte* p = path)
        {
            return ReadLinkRaw(p, buffer, size);
        }
    }

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true)]
    private static partial int OpenBytes(byte* path, int flags, int mode);

    [LibraryImport("libc", EntryPoint = "mkdir", SetLastError = true)]
    private static partial int MakeDirectory(byte* path, int mode);

    [LibraryImport("libc", EntryPoint = "link", SetLastError = true)]
    private static partial int LinkBytes(byte* existing, byte* link);

    [LibraryImport("libc", EntryPoint = "opendir", SetLastError = true)]
    private static partial IntPtr OpenDirBytes(byte* path);

    [LibraryImport("libc", EntryPoint = "readdir", SetLastError = true)]
    private static partial IntPtr ReadDir(IntPtr stream);

    [LibraryImport("libc", EntryPoint = "closedir")]
    private static partial int CloseDir(IntPtr stream);

    [LibraryImport("libc", EntryPoint = "readlink", SetLastError = true)]
    private static partial nint ReadLinkRaw(byte* path, byte* buffer, nint size);
}

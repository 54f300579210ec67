using System.Runtime.InteropServices;
using ModelPackTools.Diagnostics;

namespace ModelPackTools.IO;

public static unsafe partial class RawPathFile
{
    private const int IsADirectory = 21; // EISDIR: what unlink(2) answers for a directory on Linux
    private const int NoSuchEntry = 2; // ENOENT

    /// <summary>
    /// Directory.Delete(path, recursive: true) that also removes entries whose names are not UTF-8. .NET lists such
    /// a name as U+FFFD and then cannot delete it, so a failed layout left its staging folder behind and a replaced
    /// layout left its `.old` sibling (issue 10): on Linux every entry is listed (readdir) and removed (unlink, rmdir)
    /// by its stored bytes. Links are removed, never followed. A path that does not exist is not an error.
    /// </summary>
    public static void DeleteTree(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }

            return;
        }

        DeleteTreeBytes(RawNameText.Encode(path));
    }

    private static void DeleteTreeBytes(byte[] path)
    {
        var terminated = (byte[])[.. path, 0];
        var stream = OpenDir(terminated);
        if (stream == IntPtr.Zero)
        {
            if (Marshal.GetLastPInvokeError() == NoSuchEntry)
            {
                return;
            }

            throw new IOException($"cannot list '{RawNameText.Display(RawNameText.Decode(path, out _))}': {Marshal.GetLastPInvokeErrorMessage()}");
        }

        var children = new List<byte[]>();
        try
        {
            while (ReadDir(stream) is var entry && entry != IntPtr.Zero)
            {
                var name = MemoryMarshal.CreateReadOnlySpanFromNullTerminated((byte*)entry + NameOffset);
                if (!name.SequenceEqual("."u8) && !name.SequenceEqual(".."u8))
                {
                    children.Add([.. path, (byte)'/', .. name]);
                }
            }
        }
        finally
        {
            _ = CloseDir(stream);
        }

        foreach (var child in children)
        {
            fixed (byte* p = (byte[])[.. child, 0])
            {
                if (Unlink(p) == 0)
                {
                    continue;
                }

                if (Marshal.GetLastPInvokeError() != IsADirectory)
                {
                    throw new IOException($"cannot delete '{RawNameText.Display(RawNameText.Decode(child, out _))}': {Marshal.GetLastPInvokeErrorMessage()}");
                }
            }

            DeleteTreeBytes(child);
        }

        fixed (byte* p = terminated)
        {
            if (RemoveDirectory(p) != 0 && Marshal.GetLastPInvokeError() != NoSuchEntry)
            {
                throw new IOException($"cannot delete '{RawNameText.Display(RawNameText.Decode(path, out _))}': {Marshal.GetLastPInvokeErrorMessage()}");
            }
        }
    }

    [LibraryImport("libc", EntryPoint = "unlink", SetLastError = true)]
    private static partial int Unlink(byte* path);

    [LibraryImport("libc", EntryPoint = "rmdir", SetLastError = true)]
    private static partial int RemoveDirectory(byte* path);
}

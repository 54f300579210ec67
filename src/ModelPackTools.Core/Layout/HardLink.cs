using System.Runtime.InteropServices;

namespace ModelPackTools.Layout;

/// <summary>link(2): .NET can create symbolic links but not hard links, and a hard link is what makes a layout free.</summary>
internal static partial class HardLink
{
    /// <summary>True when linked; false when the file system refuses (another device, no link support, permissions).</summary>
    public static bool TryCreate(string existing, string link)
    {
        if (OperatingSystem.IsWindows())
        {
            return false;
        }

        return IO.RawPathFile.NeedsRawBytes(existing) || IO.RawPathFile.NeedsRawBytes(link)
            ? IO.RawPathFile.TryLink(existing, link) // a name that is not UTF-8 keeps its bytes (issue 10, item 3)
            : Link(existing, link) == 0;
    }

    [LibraryImport("libc", EntryPoint = "link", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Link(string existing, string link);
}

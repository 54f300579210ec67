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

        return Link(existing, link) == 0;
    }

    [LibraryImport("libc", EntryPoint = "link", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Link(string existing, string link);
}

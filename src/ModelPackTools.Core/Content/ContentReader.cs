using ModelPackTools.Diagnostics;

namespace ModelPackTools.Content;

/// <summary>The read path of a plain folder check: reads a file only as far as its scans want it.</summary>
public static class ContentReader
{
    private const int BufferSize = 1 << 20;

    public static void Inspect(ContentTap tap, string localPath, CancellationToken cancellationToken = default)
    {
        try
        {
            using var file = IO.RawPathFile.OpenRead(localPath); // by its stored bytes where the name is not UTF-8
            var buffer = new byte[BufferSize];
            int read;
            while (tap.Wants && (read = file.Read(buffer, 0, buffer.Length)) > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                tap.Append(buffer.AsSpan(0, read));
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw ModelPackException.Because(e, DiagnosticCatalog.InputUnreadable, localPath, e.Message);
        }

        tap.Complete();
    }
}

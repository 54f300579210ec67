using System.Diagnostics;

namespace ModelPackTools.Tests.Archives;

/// <summary>Runs the system's gzip (on PATH) on bytes: the reference decoder users actually run.</summary>
internal static class GzipTool
{
    public static (int ExitCode, byte[] Output, string Errors) Run(string arguments, byte[] input)
    {
        var start = new ProcessStartInfo("gzip", arguments)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        using var output = new MemoryStream();
        var copyOut = process.StandardOutput.BaseStream.CopyToAsync(output);
        var errors = process.StandardError.ReadToEndAsync();
        try
        {
            process.StandardInput.BaseStream.Write(input);
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // gzip stopped reading early (it found an error); its exit code says so.
        }

        copyOut.Wait();
        process.WaitForExit();
        return (process.ExitCode, output.ToArray(), errors.Result);
    }
}

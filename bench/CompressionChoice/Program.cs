// Deflate and inflate throughput of SharpZipLib (a declared dependency) vs .NET's built-in zlib-ng on the same bytes.
// Usage: dotnet run -c Release -- FILE [MiB]. Prints MB/s per library and direction, single thread.
using System.Diagnostics;
using System.IO.Compression;
using ICSharpCode.SharpZipLib.Zip.Compression;
using ICSharpCode.SharpZipLib.Zip.Compression.Streams;

var path = args[0];
var mib = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 256;
var data = new byte[mib << 20];
using (var file = File.OpenRead(path))
{
    file.ReadExactly(data);
}

byte[] Time(string name, Func<byte[]> work, long bytes)
{
    var clock = Stopwatch.StartNew();
    var result = work();
    Console.WriteLine($"{name,-36} {bytes / clock.Elapsed.TotalSeconds / 1e6,8:F0} MB/s");
    return result;
}

var built = Time("deflate  .NET DeflateStream level 6", () =>
{
    using var output = new MemoryStream();
    using (var deflate = new DeflateStream(output, new ZLibCompressionOptions { CompressionLevel = 6 }, leaveOpen: true))
    {
        deflate.Write(data);
    }

    return output.ToArray();
}, data.Length);

Time("deflate  SharpZipLib level 6", () =>
{
    using var output = new MemoryStream();
    using (var deflate = new DeflaterOutputStream(output, new Deflater(6, noZlibHeaderOrFooter: true)) { IsStreamOwner = false })
    {
        deflate.Write(data);
    }

    return output.ToArray();
}, data.Length);

Time("inflate  .NET DeflateStream", () =>
{
    using var inflate = new DeflateStream(new MemoryStream(built), CompressionMode.Decompress);
    using var output = new MemoryStream(data.Length);
    inflate.CopyTo(output);
    return output.ToArray();
}, data.Length);

Time("inflate  SharpZipLib Inflater", () =>
{
    var inflater = new Inflater(noHeader: true);
    inflater.SetInput(built);
    var output = new byte[data.Length];
    var done = 0;
    while (!inflater.IsFinished && done < output.Length)
    {
        done += inflater.Inflate(output, done, output.Length - done);
    }

    return output;
}, data.Length);

// Times each stage of packing on one thread over 1 MiB blocks of a file: read, copy into a block, CRC-32, the probe,
// histogram, code build, bit packing (literal blocks), LZ77 coding (text blocks), MD5 of the output for the ETag.
// Usage: dotnet run -c Release -- FILE [MiB]. Prints CPU seconds of the thread and MB/s (of input) per stage.
using System.Security.Cryptography;
using DeflateProfile;
using ModelPackTools.Archives;
using ModelPackTools.Archives.Deflate;

var path = args[0];
var limit = args.Length > 1 ? long.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) << 20 : long.MaxValue;
const int BlockSize = 1 << 20;
var stages = new Dictionary<string, TimeSpan>();

// The thread's own CPU time, not wall time: on a machine shared with other jobs the stages then still compare.
void Time(string stage, Action work)
{
    var start = ThreadCpuTime.Now();
    work();
    stages[stage] = stages.GetValueOrDefault(stage) + (ThreadCpuTime.Now() - start);
}

var buffer = new byte[BlockSize];
var output = new byte[BlockSize + (BlockSize / 8) + 64];
using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
using var file = File.OpenRead(path);
long input = 0, coded = 0;
int literalBlocks = 0, matchedBlocks = 0;
GzipBlock? previous = null;
long sharpZipLib = 0;
var own = new Dictionary<int, long>();
long matchedInput = 0;

// SharpZipLib's deflater, the earlier text coder, for comparison: SHARPZIPLIB=1 (it runs at about 20 MB/s).
var withSharpZipLib = Environment.GetEnvironmentVariable("SHARPZIPLIB") == "1";
int[] levels = [.. (Environment.GetEnvironmentVariable("LEVELS") ?? "6").Split(',').Select(int.Parse)];
while (input < limit)
{
    var read = 0;
    Time("read", () => read = file.ReadAtLeast(buffer, BlockSize, throwOnEndOfStream: false));
    if (read == 0)
    {
        break;
    }

    var block = new GzipBlock(BlockSize);
    Time("copy into block", () =>
    {
        block.Append(buffer.AsSpan(0, read));
        if (previous is not null)
        {
            block.PrimeFrom(previous);
        }
    });
    Time("crc32", () => ModelPackTools.Hashing.Crc32.Compute(block.Data));
    var literal = false;
    Time("probe", () => literal = HuffmanProbe.PrefersHuffmanOnly(block.Data, 6));
    var length = 0;
    if (literal)
    {
        literalBlocks++;
        var frequencies = new long[257];
        Time("histogram", () => Histogram.Count(block.Data, frequencies));
        LiteralBlockPlan? plan = null;
        Time("plan (histogram + code build)", () => plan = LiteralBlockEncoder.Plan(block.Data));
        Time("bit packing", () => length = LiteralBlockEncoder.Encode(block.Data, plan!, output));
    }
    else
    {
        matchedBlocks++;
        matchedInput += read;
        if (withSharpZipLib)
        {
            Time("lz77 (SharpZipLib level 6)", () => length = SharpZipLibBlockEncoder.Encode(block.DataSegment, block.HistorySegment, 6, output, output.Length));
            sharpZipLib += length;
        }

        foreach (var level in levels)
        {
            var ownLength = 0;
            Time($"lz77 (own level {level})", () => ownLength = Lz77BlockEncoder.Encode(block.History, block.Data, level, output, output.Length - DeflateBitWriter.Slack));
            own[level] = own.GetValueOrDefault(level) + ownLength;
            length = withSharpZipLib ? length : ownLength;
        }
    }

    length = length < 0 ? read : length;
    Time("md5 of output", () => md5.AppendData(output, 0, length));
    coded += length;
    input += read;
    previous?.Release();
    previous = block;
}

Console.WriteLine($"{input / 1e6:F0} MB in, {coded / 1e6:F0} MB out ({(double)coded / input:F4}); {literalBlocks} literal, {matchedBlocks} matched blocks");
if (matchedBlocks > 0)
{
    Console.WriteLine($"{(withSharpZipLib ? $"SharpZipLib level 6: {(double)sharpZipLib / matchedInput:F4}; " : "")}own: {string.Join(", ", own.Select(o => $"level {o.Key} {(double)o.Value / matchedInput:F4}"))} of the matched blocks' input");
}

// The encoder alone, per core: everything a worker does for a block (CRC-32, probe, coding), not the read or MD5.
double Seconds(params string[] names) => names.Sum(n => stages.GetValueOrDefault(n).TotalSeconds);
if (literalBlocks > 0)
{
    var literalInput = input - matchedInput;
    var seconds = (Seconds("crc32", "probe") * literalInput / input) + Seconds("plan (histogram + code build)", "bit packing");
    Console.WriteLine($"encoder alone, literal blocks: {literalInput / seconds / 1e6:F0} MB/s per core (CRC-32 and probe pro rata + histogram and code + bit packing; thread CPU time)");
}

foreach (var level in levels.Where(_ => matchedBlocks > 0))
{
    var seconds = (Seconds("crc32", "probe") * matchedInput / input) + Seconds($"lz77 (own level {level})");
    Console.WriteLine($"encoder alone, LZ77 blocks at level {level}: {matchedInput / seconds / 1e6:F0} MB/s per core (CRC-32 and probe pro rata + matching and coding; thread CPU time)");
}

foreach (var (stage, elapsed) in stages.OrderByDescending(s => s.Value))
{
    Console.WriteLine($"{stage,-32} {elapsed.TotalSeconds,7:F3} s {input / elapsed.TotalSeconds / 1e6,9:F0} MB/s");
}

Console.WriteLine($"{"total",-32} {stages.Values.Aggregate(TimeSpan.Zero, (a, b) => a + b).TotalSeconds,7:F3} s");

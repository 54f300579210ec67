using ModelPackTools.Archives.Deflate;
using ModelPackTools.Tests.Archives;

namespace ModelPackTools.Tests.Archives.Deflate;

public sealed class Lz77BlockEncoderTests
{
    public static TheoryData<string, int> KindsAndLevels()
    {
        var data = new TheoryData<string, int>();
        foreach (var kind in Kinds)
        {
            foreach (var level in new[] { 1, 4, 6, 9 })
            {
                data.Add(kind, level);
            }
        }

        return data;
    }

    public static TheoryData<int> Levels => [1, 2, 3, 4, 5, 6, 7, 8, 9];

    private static string[] Kinds => ["text", "random", "same", "weights", "one", "two", "empty", "max-length", "far", "many-blocks", "period-3"];

    [Theory]
    [MemberData(nameof(KindsAndLevels))]
    public void A_segment_decodes_with_SharpZipLib_and_zlib(string kind, int level)
    {
        var data = Input(kind);
        var deflate = DeflateDecoders.Terminate(Encode([], data, level));

        Assert.Equal(data, DeflateDecoders.SharpZipLib(deflate, data.Length));
        Assert.Equal(data, DeflateDecoders.Zlib(deflate));
    }

    [Theory]
    [MemberData(nameof(Levels))]
    public void Matches_reach_into_the_history_block(int level)
    {
        // The second segment repeats the first's tail: coded against it as history it is tiny, and it decodes only
        // after the first segment, exactly as consecutive gzip blocks do.
        var first = GzipTestData.Random(40_000, seed: 5);
        var second = first[^32_768..];
        var one = Encode([], first, level);
        var two = Encode(first, second, level);
        var deflate = DeflateDecoders.Terminate(one, two);

        byte[] expected = [.. first, .. second];
        Assert.Equal(expected, DeflateDecoders.SharpZipLib(deflate, expected.Length));
        Assert.Equal(expected, DeflateDecoders.Zlib(deflate));
        Assert.True(two.Length < 600, $"{two.Length} bytes: the history was not used");
    }

    [Fact]
    public void A_match_at_the_longest_distance_is_found()
    {
        // 32,768 bytes back and nothing nearer: random bytes, then the same 300 bytes again exactly one window later.
        var data = GzipTestData.Random(32_768 + 300, seed: 6);
        data.AsSpan(0, 300).CopyTo(data.AsSpan(32_768));
        var segment = Encode([], data, 6);

        // The random part costs a little over 8 bits a byte; the repeat, coded as matches, a few bytes.
        Assert.True(segment.Length < 32_768 + 100, $"{segment.Length} bytes: the far match was missed");
        Assert.Equal(data, DeflateDecoders.Zlib(DeflateDecoders.Terminate(segment)));
    }

    [Fact]
    public void Nothing_beyond_the_window_is_referenced()
    {
        // The repeat starts 32,769 bytes back: one byte too far, so it must be coded as literals, and zlib (which
        // rejects distances beyond its window) still decodes it.
        var data = GzipTestData.Random(32_769 + 300, seed: 7);
        data.AsSpan(0, 300).CopyTo(data.AsSpan(32_769));

        Assert.Equal(data, DeflateDecoders.Zlib(DeflateDecoders.Terminate(Encode([], data, 9))));
    }

    [Fact]
    public void All_same_bytes_are_runs_of_the_longest_match()
    {
        var data = Input("same");

        // 100,000 bytes in runs of 258: about 390 matches of a few bits each.
        Assert.InRange(Encode([], data, 6).Length, 10, 200);
    }

    [Fact]
    public void Text_of_few_words_shrinks_like_gzip()
    {
        // The matcher's worst case measured (MatchSettings): the longest matches sit deep in the hash chains.
        var data = GzipTestData.Text(1 << 20);
        var zlib = ZlibLength(data, 6);

        Assert.InRange(Encode([], data, 6).Length, 0.5 * zlib, 1.10 * zlib);
        Assert.InRange(Encode([], data, 7).Length, 0.5 * zlib, 1.01 * zlib);
    }

    [Theory]
    [MemberData(nameof(Levels))]
    public void The_bytes_do_not_depend_on_what_the_thread_coded_before(int level)
    {
        var data = GzipTestData.Text(200_000, seed: 8);
        var fresh = Encode([], data, level);
        Encode([], GzipTestData.Text(300_000, seed: 9), level); // leaves other hash chains and window bytes behind

        Assert.Equal(fresh, Encode([], data, level));
    }

    [Fact]
    public void A_segment_that_would_not_fit_reports_it()
    {
        var data = GzipTestData.Random(100_000);
        var output = new byte[data.Length + DeflateBitWriter.Slack];

        Assert.Equal(-1, Lz77BlockEncoder.Encode([], data, 6, output, data.Length));
    }

    [Fact]
    public void A_short_text_has_a_known_encoding()
    {
        // Pinned bytes: any change to matching, block splitting or code building changes them, and with them every
        // archive's ETag (then BlockCompressor.Implementation must change too).
        var data = "model layer model layer model layer weight"u8.ToArray();

        Assert.Equal("ys1PSc1RyEmsTC1SwMUuT81MzygBAAAA//8=", Convert.ToBase64String(Encode([], data, 6)));
    }

    private static byte[] Encode(byte[] history, byte[] data, int level)
    {
        var capacity = data.Length + (data.Length / 8) + 64;
        var output = new byte[capacity + DeflateBitWriter.Slack];
        var length = Lz77BlockEncoder.Encode(history, data, level, output, capacity);
        Assert.True(length > 0);
        return output[..length];
    }

    private static int ZlibLength(byte[] data, int level)
    {
        using var output = new MemoryStream();
        using (var deflate = new System.IO.Compression.DeflateStream(output, new System.IO.Compression.ZLibCompressionOptions { CompressionLevel = level }, leaveOpen: true))
        {
            deflate.Write(data);
        }

        return (int)output.Length;
    }

    private static byte[] Input(string kind)
    {
        return kind switch
        {
            "text" => GzipTestData.Text(300_000),
            "random" => GzipTestData.Random(70_000),
            "weights" => GzipTestData.Weights(100_000),
            "same" => Enumerable.Repeat((byte)'a', 100_000).ToArray(),
            "one" => [0x41],
            "two" => [0x41, 0x41],
            "empty" => [],

            // Runs longer than 258 bytes between literals: matches of exactly the maximum length, then the rest.
            "max-length" => [.. Enumerable.Range(0, 40).SelectMany(i => Enumerable.Repeat((byte)(i % 7), 1000 + i).Append((byte)255))],

            // A 20,000-byte random chunk repeated at distances near the window's edge.
            "far" => [.. Enumerable.Repeat(GzipTestData.Random(20_000, seed: 4), 5).SelectMany(c => c)],

            // Far more tokens than one deflate block holds: text with short matches and literals.
            "many-blocks" => GzipTestData.Text(2 * 1024 * 1024, seed: 3),
            "period-3" => [.. Enumerable.Range(0, 10_000).Select(i => (byte)(i % 3))],
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }
}

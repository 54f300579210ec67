using ModelPackTools.Archives;

namespace ModelPackTools.Tests.Archives;

public sealed class HuffmanProbeTests
{
    [Fact]
    public void Random_bytes_repeat_almost_no_4_byte_strings() =>
        Assert.InRange(HuffmanProbe.RepeatedBytes(GzipTestData.Random(8192)), 0, 16);

    [Fact]
    public void A_repeated_run_is_counted_once_whole()
    {
        // 500 random bytes, then the same 200 bytes again: the copy is covered (up to where random bytes follow).
        var random = GzipTestData.Random(500, 9);
        byte[] slice = [.. random, .. random[100..300], .. GzipTestData.Random(300, 10)];

        Assert.InRange(HuffmanProbe.RepeatedBytes(slice), 200, 216);
    }

    [Fact]
    public void A_run_of_equal_bytes_is_all_repeats_but_its_first_byte()
    {
        // 1,000 equal bytes: every string of 4 from the second byte on repeats the one before it (runs of up to 258).
        var covered = HuffmanProbe.RepeatedBytes(Enumerable.Repeat((byte)'a', 1000).ToArray());

        Assert.InRange(covered, 990, 999);
    }

    [Fact]
    public void Float_weights_repeat_too_little_to_cost_matching()
    {
        // What makes the probe skip LZ77 costing: fewer repeated bytes than 1/256 of the literal coder's size.
        var weights = GzipTestData.Weights(8192);

        Assert.True(HuffmanProbe.RepeatedBytes(weights) * 256 < 0.9 * weights.Length);
    }
}

using ModelPackTools.Hashing;

namespace ModelPackTools.Tests.Hashing;

public sealed class Md5x8Tests
{
    [Fact]
    public void Eight_lanes_equal_eight_separate_md5s_at_every_tail_length()
    {
        for (var length = 0; length <= 200; length++)
        {
            AssertLanes(length, [length]);
        }
    }

    [Theory]
    [InlineData(1000)]
    [InlineData(4096 + 7)]
    [InlineData(65_536)]
    public void Longer_lanes_in_several_appends(int length) => AssertLanes(length, [64, 128, 0, 640]);

    private static void AssertLanes(int length, int[] appends)
    {
        var random = new Random(length);
        var lanes = Enumerable.Range(0, Md5x8.Lanes).Select(_ => new byte[length]).ToArray();
        foreach (var lane in lanes)
        {
            random.NextBytes(lane);
        }

        // Feed whole blocks in the given pieces, then the rest through Finish, as a reader of slices would.
        var md5 = new Md5x8();
        var offset = 0;
        foreach (var piece in appends)
        {
            var count = Math.Min(piece & ~63, (length - offset) & ~63);
            md5.AppendBlocks(lanes.Select(l => l[offset..]).ToArray(), count);
            offset += count;
        }

        var digests = md5.Finish(lanes.Select(l => l[offset..]).ToArray(), length - offset);
        for (var i = 0; i < Md5x8.Lanes; i++)
        {
            Assert.Equal(Reference.Md5Hex(lanes[i]), Convert.ToHexStringLower(digests[i]));
        }
    }
}

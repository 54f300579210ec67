namespace ModelPackTools.Archives;

/// <summary>
/// How <see cref="ParallelGzipStream"/> compresses. The output bytes depend on <see cref="Level"/> and
/// <see cref="BlockSize"/> only, never on <see cref="Threads"/>, so a pack is reproducible on any machine.
/// </summary>
public sealed record ParallelGzipOptions
{
    public const int MinBlockSize = 1024;

    public const int MaxBlockSize = 64 << 20;

    /// <summary>
    /// 1 MiB, measured: with the previous block's last 32 KiB primed as history, text comes out within 0.1% of
    /// one unbroken deflate stream; 256 KiB blocks spent 12% of their time on the fixed-size Huffman probe and
    /// 4 MiB bought nothing but 4x the memory (2 x threads blocks in flight).
    /// </summary>
    public const int DefaultBlockSize = 1 << 20;

    /// <summary>
    /// gzip's scale, 0 (store) to 9: how hard the project's own LZ77 coder searches (<see cref="Deflate.MatchSettings"/>);
    /// level 6 codes text a little smaller than <c>gzip -6</c>. Blocks of float weights, where LZ77 finds nothing,
    /// switch to literals-only coding on their own (see <see cref="HuffmanProbe"/>), which is what makes the default fast.
    /// </summary>
    public int Level { get; init; } = 6;

    /// <summary>Bytes per independently compressed block; fixed, so block boundaries depend on the input alone.</summary>
    public int BlockSize { get; init; } = DefaultBlockSize;

    public int Threads { get; init; } = Environment.ProcessorCount;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(this.Level, 0, nameof(this.Level));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(this.Level, 9, nameof(this.Level));
        ArgumentOutOfRangeException.ThrowIfLessThan(this.BlockSize, MinBlockSize, nameof(this.BlockSize));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(this.BlockSize, MaxBlockSize, nameof(this.BlockSize));
        ArgumentOutOfRangeException.ThrowIfLessThan(this.Threads, 1, nameof(this.Threads));
    }
}

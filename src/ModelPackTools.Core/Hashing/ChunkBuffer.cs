using System.Buffers;

namespace ModelPackTools.Hashing;

/// <summary>
/// A pooled buffer holding up to 8 MiB of one part, shared by the digests that read it. Each reader holds a
/// reference; the last release returns the array to the pool and the slot to the budget, which is what bounds
/// the memory of a fingerprint whatever the input size.
/// </summary>
internal sealed class ChunkBuffer
{
    private readonly SemaphoreSlim budget;
    private byte[]? array;
    private int references = 1;

    private ChunkBuffer(SemaphoreSlim budget, int capacity)
    {
        this.budget = budget;
        this.array = ArrayPool<byte>.Shared.Rent(capacity);
        this.Capacity = capacity;
    }

    public int Capacity { get; }

    public int Length { get; set; }

    public ReadOnlySpan<byte> Data => this.Array.AsSpan(0, this.Length);

    public Memory<byte> Free => this.Array.AsMemory(this.Length, this.Capacity - this.Length);

    private byte[] Array => this.array ?? throw new ObjectDisposedException(nameof(ChunkBuffer));

    public static ChunkBuffer Rent(SemaphoreSlim budget, int capacity)
    {
        budget.Wait();
        return new ChunkBuffer(budget, capacity);
    }

    public static async ValueTask<ChunkBuffer> RentAsync(SemaphoreSlim budget, int capacity, CancellationToken cancellationToken)
    {
        await budget.WaitAsync(cancellationToken);
        return new ChunkBuffer(budget, capacity);
    }

    public void AddReference() => Interlocked.Increment(ref this.references);

    public void Release()
    {
        if (Interlocked.Decrement(ref this.references) == 0)
        {
            ArrayPool<byte>.Shared.Return(this.Array);
            this.array = null;
            this.budget.Release();
        }
    }
}

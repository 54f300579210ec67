namespace ModelPackTools.Archives;

/// <summary>Counts what a trial compression would produce and keeps none of it.</summary>
internal sealed class ByteCountingSink : WriteOnlySink
{
    public long Count { get; private set; }

    public override void Write(ReadOnlySpan<byte> buffer) => this.Count += buffer.Length;
}

using ModelPackTools.Sources;

namespace ModelPackTools.Core.Tests.Support;

/// <summary>Counts the directory walks of one folder (by its full path, so tests running at once do not mix).</summary>
internal sealed class WalkCounter : IDisposable
{
    private readonly string root;
    private int walks;

    public WalkCounter(string root)
    {
        this.root = Path.GetFullPath(root);
        DirectorySource.Walking += this.OnWalking;
    }

    public int Walks => Volatile.Read(ref this.walks);

    public void Dispose() => DirectorySource.Walking -= this.OnWalking;

    private void OnWalking(string path)
    {
        if (path == this.root)
        {
            Interlocked.Increment(ref this.walks);
        }
    }
}

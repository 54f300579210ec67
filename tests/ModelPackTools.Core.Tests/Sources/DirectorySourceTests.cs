using System.Diagnostics;
using System.Net.Sockets;
using System.Runtime.Versioning;
using ModelPackTools.Core.Tests.Support;
using ModelPackTools.Diagnostics;
using ModelPackTools.Extraction;
using ModelPackTools.Sources;
using ModelPackTools.Trees;

namespace ModelPackTools.Core.Tests.Sources;

// Links, FIFOs, sockets and mode bits are what this source exists to see; they are Unix concepts.
[SupportedOSPlatform("linux")]
public class DirectorySourceTests
{
    [Fact]
    public void Walks_in_ordinal_order_with_relative_slash_paths()
    {
        using var dir = new TempDirectory();
        dir.Write("b.bin");
        dir.Write("a/z.bin");
        dir.Write("a/B.bin");
        dir.Write("C.json");

        var tree = DirectorySource.Read(dir.Path);

        Assert.Equal(["C.json", "a", "b.bin", "a/B.bin", "a/z.bin"], tree.Entries.Select(e => e.Path));
        Assert.Equal(SourceKind.Directory, tree.SourceKind);
        Assert.Equal(4, tree.Entries.First(e => e.Path == "C.json").Size);
    }

    [Fact]
    public void Records_symlinks_without_following_them()
    {
        using var dir = new TempDirectory();
        dir.Write("weights/part1.bin");
        File.CreateSymbolicLink(dir.Combine("alias"), "weights");
        File.CreateSymbolicLink(dir.Combine("outside"), "/etc");

        var tree = DirectorySource.Read(dir.Path);
        var report = ExtractionSimulator.Simulate(tree, new SimulationOptions());

        Assert.Equal(EntryKind.SymbolicLink, tree.Entries.Single(e => e.Path == "alias").Kind);
        Assert.DoesNotContain(tree.Entries, e => e.Path.StartsWith("alias/", StringComparison.Ordinal));
        Assert.Equal(["MPK2017"], report.CodesFor("alias"));
        Assert.Equal(["MPK2016"], report.CodesFor("outside"));
    }

    [Fact]
    public void Records_fifos_and_sockets_without_opening_them()
    {
        using var dir = new TempDirectory();
        dir.Write("model.pth");
        using (var mkfifo = Process.Start("mkfifo", dir.Combine("pipe")))
        {
            mkfifo.WaitForExit();
            Assert.Equal(0, mkfifo.ExitCode);
        }

        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(dir.Combine("sock")));

        var tree = DirectorySource.Read(dir.Path);
        var report = ExtractionSimulator.Simulate(tree, new SimulationOptions());

        Assert.Equal(EntryKind.Fifo, tree.Entries.Single(e => e.Path == "pipe").Kind);
        Assert.Equal(EntryKind.Socket, tree.Entries.Single(e => e.Path == "sock").Kind);
        Assert.Equal(["MPK2006"], report.CodesFor("pipe"));
        Assert.Equal(["MPK2006"], report.CodesFor("sock"));
    }

    [Fact]
    public void Setuid_file_on_disk_is_reported()
    {
        using var dir = new TempDirectory();
        var script = dir.Write("run.sh", "#!/bin/sh");
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.SetUser);

        var report = ExtractionSimulator.Simulate(DirectorySource.Read(dir.Path), new SimulationOptions());

        Assert.Equal(["MPK2008"], report.Codes());
    }

    [Fact]
    public void Missing_directory_is_an_input_error()
    {
        var e = Assert.Throws<ModelPackException>(() => DirectorySource.Read("/no/such/folder"));
        Assert.Contains("/no/such/folder", e.Message, StringComparison.Ordinal);
    }
}

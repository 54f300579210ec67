using System.Text;
using ModelPackTools.Content.Pickle;

namespace ModelPackTools.Core.Tests.Content.Pickle;

/// <summary>Pickles built byte by byte: each import is resolved as the unpickler would, and broken streams fail closed.</summary>
public sealed class PickleDisassemblerTests
{
    private static readonly HashSet<string> NoneReviewed = [];

    [Fact]
    public void GlobalOsSystemIsFoundAndRefused()
    {
        byte[] pickle = Bytes("cos\nsystem\n(S'id'\ntR.");
        PickleDisassembly result = PickleDisassembler.Disassemble(pickle);
        Assert.Null(result.Error);
        PickleImport import = Assert.Single(result.Imports);
        Assert.Equal(("os.system", 0L), (import.FullName, import.Offset));
        Assert.False(PickleImportPolicy.IsAllowed(import, NoneReviewed));
        Assert.True(PickleImportPolicy.IsDangerous(import));
    }

    [Fact]
    public void StackGlobalWithMemoisedStringsResolvesToOsSystem()
    {
        // PROTO 4, SHORT_BINUNICODE "os", MEMOIZE, POP, SHORT_BINUNICODE "system", MEMOIZE, POP, BINGET 0, BINGET 1, STACK_GLOBAL, ...
        var bytes = new List<byte> { 0x80, 4, 0x8c, 2 };
        bytes.AddRange(Bytes("os"));
        bytes.AddRange([0x94, (byte)'0', 0x8c, 6]);
        bytes.AddRange(Bytes("system"));
        bytes.AddRange([0x94, (byte)'0', (byte)'h', 0, (byte)'h', 1, 0x93, 0x8c, 2]);
        bytes.AddRange(Bytes("id"));
        bytes.AddRange([0x85, (byte)'R', (byte)'.']);
        PickleDisassembly result = PickleDisassembler.Disassemble(bytes.ToArray());
        Assert.Null(result.Error);
        PickleImport import = Assert.Single(result.Imports);
        Assert.Equal(("os.system", 22L), (import.FullName, import.Offset));
    }

    [Fact]
    public void InstImportIsFound()
    {
        PickleDisassembly result = PickleDisassembler.Disassemble(Bytes("(S'id'\nios\nsystem\n."));
        Assert.Null(result.Error);
        Assert.Equal("os.system", Assert.Single(result.Imports).FullName);
    }

    [Fact]
    public void Python2CommandsAliasIsJudgedAsSubprocess()
    {
        var import = new PickleImport("commands", "getoutput", 0);
        Assert.True(PickleImportPolicy.IsDangerous(import));
        Assert.False(PickleImportPolicy.IsAllowed(import, NoneReviewed));
        Assert.True(PickleImportPolicy.IsAllowed(import, new HashSet<string> { "commands.getoutput" }));
    }

    [Fact]
    public void TorchStateDictImportsAreAllowed()
    {
        // (Strings are split after \xNN escapes: C# would read a following hex letter into the escape.)
        // The imports torch.save writes for an OrderedDict of one float tensor (protocol 2, persistent id for storage).
        byte[] pickle = Bytes("\x80\x02" + "ccollections\nOrderedDict\nq\x00)Rq\x01X\x01\x00\x00\x00wctorch._utils\n_rebuild_tensor_v2\n"
            + "((X\x07\x00\x00\x00storagectorch\nFloatStorage\nX\x01\x00\x00\x00" + "0K\x02tQK\x00K\x02\x85K\x01\x85\x89" + "ccollections\nOrderedDict\n)RtRs.");
        PickleDisassembly result = PickleDisassembler.Disassemble(pickle);
        Assert.Null(result.Error);
        Assert.Equal(["collections.OrderedDict", "torch._utils._rebuild_tensor_v2", "torch.FloatStorage", "collections.OrderedDict"], result.Imports.Select(i => i.FullName));
        Assert.All(result.Imports, i => Assert.True(PickleImportPolicy.IsAllowed(i, NoneReviewed)));
        Assert.Equal(["0"], result.PersistentIds.Select(p => p.StorageKey));
        Assert.Empty(result.GlobalBuilds);
    }

    [Fact]
    public void SklearnEstimatorImportsAreAllowed()
    {
        Assert.True(PickleImportPolicy.IsAllowed(new("sklearn.linear_model._logistic", "LogisticRegression", 0), NoneReviewed));
        Assert.True(PickleImportPolicy.IsAllowed(new("numpy.core.multiarray", "_reconstruct", 0), NoneReviewed));
        Assert.False(PickleImportPolicy.IsAllowed(new("builtins", "eval", 0), NoneReviewed));
    }

    [Theory]
    [InlineData("cos\nsystem\n(S'id'\ntR", "truncated")]
    [InlineData("N.N", "data after STOP")]
    [InlineData("N\xff.", "unknown opcode")]
    [InlineData("R.", "stack underflow")]
    public void BrokenStreamsFailClosed(string text, string expected)
    {
        PickleDisassembly result = PickleDisassembler.Disassemble(Bytes(text));
        Assert.NotNull(result.Error);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void StackGlobalOnNonStringsFailsClosed()
    {
        PickleDisassembly result = PickleDisassembler.Disassemble([0x80, 4, (byte)'N', (byte)'N', 0x93, (byte)'.']);
        Assert.Contains("not strings", result.Error, StringComparison.Ordinal);
    }

    private static byte[] Bytes(string text) => Encoding.Latin1.GetBytes(text);
}

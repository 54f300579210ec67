using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;

namespace ModelPackTools.Cli.Tests;

/// <summary>
/// The compressed bytes are a pure function of the tar bytes, the level and the tool version: these digests are
/// constants, whatever the thread count, the machine's CPU features or the runtime's zlib. A change to any of them
/// changes every user's ETag, so it must be deliberate (and bump the "modelpack deflate" version in the facts).
/// </summary>
public sealed class DeflateGoldenTests : IDisposable
{
    private const string SampleDigest = "ed2e7ca7f24b83d63d4a8104e2b701a92fa801dcaafcb7bc7c8cb0b8fb9206eb";
    private const string MixedDigest = "7fa66242f7d23c7c817ee6c20a8dc23fe41e8a3cbcecd92ec14159a409d67487";

    private readonly string directory = Directory.CreateTempSubdirectory("modelpack-golden-").FullName;

    public void Dispose() => Directory.Delete(this.directory, recursive: true);

    [Theory]
    [InlineData("1")]
    [InlineData("4")]
    public void The_sample_model_packs_to_the_same_bytes_for_any_thread_count(string threads) =>
        Assert.Equal(SampleDigest, this.PackInProcess(RepositoryPaths.SampleModel, threads));

    [Theory]
    [InlineData("1")]
    [InlineData("4")]
    public void A_mixed_model_packs_to_the_same_bytes_for_any_thread_count(string threads) =>
        Assert.Equal(MixedDigest, this.PackInProcess(this.MixedModel(), threads));

    [Fact]
    public async Task Hardware_intrinsics_switched_off_change_nothing()
    {
        // A child process, because the JIT reads DOTNET_EnableHWIntrinsic only at start-up.
        var archive = Path.Combine(this.directory, "no-simd.tar.gz");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { typeof(ModelPackCommandLine).Assembly.Location, "pack", this.MixedModel(), "-o", archive, "--threads", "2" })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_EnableHWIntrinsic"] = "0";
        start.Environment.Remove("SOURCE_DATE_EPOCH");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.True(process.ExitCode == 0, error + await output);
        Assert.Equal(MixedDigest, Digest(archive));
    }

    private static string Digest(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));

    private string PackInProcess(string model, string threads)
    {
        var archive = Path.Combine(this.directory, $"model-{threads}.tar.gz");
        var (exitCode, _, error) = CommandRunner.Run("pack", model, "-o", archive, "--threads", threads);
        Assert.True(exitCode == 0, error);
        return Digest(archive);
    }

    /// <summary>Seeded weights over several 1 MiB blocks, tokenizer-like JSON, and tiny files: every coding path.</summary>
    private string MixedModel()
    {
        var root = Path.Combine(this.directory, "mixed");
        if (Directory.Exists(root))
        {
            return root;
        }

        Directory.CreateDirectory(Path.Combine(root, "tokenizer"));
        Directory.CreateDirectory(Path.Combine(root, "code"));
        var random = new Random(20261203);
        var weights = new float[(5 << 20) / 2 / sizeof(float)];
        for (var i = 0; i < weights.Length; i++)
        {
            // Box-Muller from N(0, 0.02) like trained weights; the arithmetic is IEEE and the same everywhere.
            var u = 1.0 - random.NextDouble();
            var v = random.NextDouble();
            weights[i] = (float)(Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * v) * 0.02);
        }

        var bytes = new byte[weights.Length * sizeof(float)];
        Buffer.BlockCopy(weights, 0, bytes, 0, bytes.Length);
        File.WriteAllBytes(Path.Combine(root, "model.bin"), bytes);

        var vocab = new StringBuilder("{");
        for (var i = 0; i < 40_000; i++)
        {
            var piece = new string(Enumerable.Range(0, random.Next(2, 12)).Select(_ => (char)('a' + random.Next(26))).ToArray());
            vocab.Append(i == 0 ? string.Empty : ",").Append('"').Append(piece).Append("\":").Append(i);
        }

        File.WriteAllText(Path.Combine(root, "tokenizer", "tokenizer.json"), vocab.Append('}').ToString());
        File.WriteAllText(Path.Combine(root, "config.json"), "{\"architectures\":[\"GoldenForCausalLM\"],\"hidden_size\":64}\n");
        File.WriteAllText(Path.Combine(root, "code", "inference.py"), "def model_fn(model_dir):\n    return None\n");
        for (var i = 0; i < 40; i++)
        {
            File.WriteAllText(Path.Combine(root, "code", $"piece-{i:00}.txt"), new string('x', i));
        }

        return root;
    }
}

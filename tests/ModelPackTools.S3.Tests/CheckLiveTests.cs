namespace ModelPackTools.S3.Tests;

[Collection(S3ServerCollection.Name)]
public sealed class CheckLiveTests(S3ServerFixture server)
{
    [Fact]
    public async Task Folder_marker_and_clash_under_a_live_prefix_are_reported()
    {
        const string prefix = "check-live/bad/";
        foreach (var key in new[] { prefix + "code/", prefix + "weights", prefix + "weights/part1", prefix + "config.json" })
        {
            await server.PutAsync(key, key.EndsWith('/') ? string.Empty : "x");
        }

        var result = CommandRunner.Run("check", $"s3://{S3ServerFixture.Bucket}/{prefix}", "--endpoint-url", server.Endpoint, "--format", "json");

        Assert.True(result.ExitCode == 1, result.Output + result.Error);
        Assert.Contains("\"MPK1006\"", result.Output);
        Assert.Contains("\"MPK1005\"", result.Output);
    }

    [Fact]
    public async Task Clean_live_prefix_is_deployable()
    {
        const string prefix = "check-live/good/";
        await server.PutAsync(prefix + "model.safetensors", "weights");

        var result = CommandRunner.Run("check", $"s3://{S3ServerFixture.Bucket}/{prefix}", "--endpoint-url", server.Endpoint);

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        Assert.Contains("1 file,", result.Output);
    }
}

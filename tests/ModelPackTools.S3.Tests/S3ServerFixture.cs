using System.Diagnostics;
using System.Text.RegularExpressions;
using Amazon.S3;
using Amazon.S3.Model;
using ModelPackTools.S3;
using ModelPackTools.Tests.Shared;

namespace ModelPackTools.S3.Tests;

/// <summary>
/// A real S3-compatible server (s3rver, pinned in s3server/package-lock.json) on 127.0.0.1 and a free port, with one
/// bucket, for the whole test run. The SDK is pointed at it with static test credentials, and the instance metadata
/// service is switched off, so nothing is ever asked of anything but 127.0.0.1.
/// </summary>
public sealed partial class S3ServerFixture : IDisposable
{
    public const string Bucket = "mpk-tests";

    private readonly Process server;
    private readonly string dataDirectory = Directory.CreateTempSubdirectory("mpk-s3rver-").FullName;

    public S3ServerFixture()
    {
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "S3RVER");
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "S3RVER");
        Environment.SetEnvironmentVariable("AWS_REGION", "us-east-1");
        Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");

        var serverDirectory = Path.Combine(RepositoryRoot(), "tests", "ModelPackTools.S3.Tests", "s3server");
        if (!Directory.Exists(Path.Combine(serverDirectory, "node_modules", "s3rver")))
        {
            ProcessRunner.Run("npm", serverDirectory, "ci", "--no-audit", "--no-fund");
        }

        var start = new ProcessStartInfo("node") { WorkingDirectory = serverDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[]
        {
            "node_modules/s3rver/bin/s3rver.js", "--directory", this.dataDirectory, "--address", "127.0.0.1", "--port", "0",
            "--silent", "--no-vhost-buckets", "--configure-bucket", Bucket,
        })
        {
            start.ArgumentList.Add(argument);
        }

        this.server = Process.Start(start)!;
        this.server.ErrorDataReceived += (_, _) => { };
        this.server.BeginErrorReadLine();
        string? line;
        do
        {
            var next = this.server.StandardOutput.ReadLineAsync();
            line = next.Wait(TimeSpan.FromSeconds(30)) ? next.Result : null;
        }
        while (line is not null && !ListeningLine().IsMatch(line));

        var match = line is null ? null : ListeningLine().Match(line);
        if (match is not { Success: true })
        {
            this.Dispose();
            throw new InvalidOperationException("s3rver did not start: " + line);
        }

        this.Endpoint = $"http://127.0.0.1:{match.Groups[1].Value}";
    }

    public string Endpoint { get; }

    /// <summary>Puts an object as a plain body: s3rver would store the SDK's default aws-chunked framing as content.</summary>
    public async Task PutAsync(string key, string content)
    {
        using var client = this.CreateClient();
        await client.PutObjectAsync(new PutObjectRequest { BucketName = Bucket, Key = key, ContentBody = content, UseChunkEncoding = false });
    }

    public IAmazonS3 CreateClient() => S3ClientFactory.Create(new S3ClientOptions(this.Endpoint, "us-east-1", UploadChecksum.None));

    public void Dispose()
    {
        if (!this.server.HasExited)
        {
            this.server.Kill(entireProcessTree: true);
            this.server.WaitForExit();
        }

        this.server.Dispose();
        Directory.Delete(this.dataDirectory, recursive: true);
    }

    [GeneratedRegex(@"listening on 127\.0\.0\.1:(\d+)")]
    private static partial Regex ListeningLine();

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ModelPackTools.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("ModelPackTools.sln not found above " + AppContext.BaseDirectory);
    }
}

[CollectionDefinition(Name)]
public sealed class S3ServerCollection : ICollectionFixture<S3ServerFixture>
{
    public const string Name = "s3rver";
}

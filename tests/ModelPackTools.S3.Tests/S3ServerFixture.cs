using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Amazon.S3;
using Amazon.S3.Model;
using ModelPackTools.S3;

namespace ModelPackTools.S3.Tests;

/// <summary>
/// A real S3-compatible server for the whole test run: moto (`python3 -m moto.server`) on 127.0.0.1 and a free port,
/// with one bucket. moto computes multipart ETags as S3 does (MD5 of the part MD5s, then -N), decodes aws-chunked
/// bodies and also serves SageMaker. The SDK and the AWS CLI are pointed at it with static test credentials, and the
/// instance metadata service is switched off, so nothing is ever asked of anything but 127.0.0.1.
/// </summary>
/// <remarks>
/// Without the awscrt package moto computes CRC-32C and CRC-64/NVME as plain CRC-32, so the tests never take moto's
/// own values of those two as truth; they compare what was sent, or check against System.IO.Hashing.
/// </remarks>
public sealed class S3ServerFixture : IDisposable
{
    public const string Bucket = "mpk-tests";

    private readonly Process server;

    public S3ServerFixture()
    {
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "testing");
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "testing");
        Environment.SetEnvironmentVariable("AWS_REGION", "us-east-1");
        Environment.SetEnvironmentVariable("AWS_DEFAULT_REGION", "us-east-1");
        Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");

        var port = FreePort();
        var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-m", "moto.server", "-H", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        var log = new System.Collections.Concurrent.ConcurrentQueue<string>();
        this.server = Process.Start(start) ?? throw new InvalidOperationException("python3 could not be started");
        this.server.OutputDataReceived += (_, e) => { };
        this.server.ErrorDataReceived += (_, e) => log.Enqueue(e.Data ?? string.Empty);
        this.server.BeginOutputReadLine();
        this.server.BeginErrorReadLine();
        this.Endpoint = $"http://127.0.0.1:{port}";

        var deadline = Stopwatch.StartNew();
        while (!this.Answers())
        {
            if (this.server.HasExited || deadline.Elapsed > TimeSpan.FromSeconds(60))
            {
                this.Dispose();
                throw new InvalidOperationException("moto did not start (is moto installed? python3 -c 'import moto'): " + string.Join('\n', log));
            }

            Thread.Sleep(100);
        }

        using var client = this.CreateClient();
        client.PutBucketAsync(new PutBucketRequest { BucketName = Bucket }).GetAwaiter().GetResult();
    }

    public string Endpoint { get; }

    public async Task PutAsync(string key, string content)
    {
        using var client = this.CreateClient();
        await client.PutObjectAsync(new PutObjectRequest { BucketName = Bucket, Key = key, ContentBody = content });
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
    }

    // A port the kernel hands out and that nothing holds any more; moto binds it a moment later.
    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private bool Answers()
    {
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
            return http.GetAsync(this.Endpoint + "/moto-api/").GetAwaiter().GetResult().StatusCode == HttpStatusCode.OK;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }
}

[CollectionDefinition(Name)]
public sealed class S3ServerCollection : ICollectionFixture<S3ServerFixture>
{
    public const string Name = "moto";
}

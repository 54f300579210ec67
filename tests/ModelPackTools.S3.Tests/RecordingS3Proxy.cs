using System.Collections.Concurrent;
using System.Reflection;
using Amazon.S3;

namespace ModelPackTools.S3.Tests;

/// <summary>
/// Forwards every call to a real client and records the requests, for what the server cannot show: s3rver answers
/// AbortMultipartUpload with 204 but ignores the upload id, so only the request itself proves the abort was sent.
/// </summary>
public class RecordingS3Proxy : DispatchProxy
{
    private IAmazonS3 target = null!;

    public ConcurrentQueue<(string Method, object? Request)> Calls { get; } = new();

    public static (IAmazonS3 Client, RecordingS3Proxy Recorder) Wrap(IAmazonS3 target)
    {
        var client = Create<IAmazonS3, RecordingS3Proxy>();
        var recorder = (RecordingS3Proxy)(object)client;
        recorder.target = target;
        return (client, recorder);
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        this.Calls.Enqueue((targetMethod!.Name, args is { Length: > 0 } ? args[0] : null));
        try
        {
            return targetMethod.Invoke(this.target, args);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw e.InnerException;
        }
    }
}

using System.Runtime.InteropServices;

namespace DeflateProfile;

/// <summary>The calling thread's user + system CPU time, from getrusage(RUSAGE_THREAD) (Linux), to the microsecond.</summary>
internal static partial class ThreadCpuTime
{
    private const int RusageThread = 1;

    public static TimeSpan Now()
    {
        if (GetResourceUsage(RusageThread, out var usage) != 0)
        {
            throw new InvalidOperationException("getrusage(RUSAGE_THREAD) failed");
        }

        return TimeSpan.FromMicroseconds((usage.UserSeconds + usage.SystemSeconds) * 1_000_000.0 + usage.UserMicroseconds + usage.SystemMicroseconds);
    }

    [LibraryImport("libc", EntryPoint = "getrusage", SetLastError = true)]
    private static partial int GetResourceUsage(int who, out Usage usage);

    // struct rusage on 64-bit Linux: two struct timevals, then 14 longs.
    [StructLayout(LayoutKind.Sequential)]
    private struct Usage
    {
        public long UserSeconds;
        public long UserMicroseconds;
        public long SystemSeconds;
        public long SystemMicroseconds;
        private readonly long rest0, rest1, rest2, rest3, rest4, rest5, rest6, rest7, rest8, rest9, rest10, rest11, rest12, rest13;
    }
}

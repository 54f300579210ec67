using System.IO.Hashing;
using ModelPackTools.Hashing;

namespace ModelPackTools.S3;

/// <summary>
/// CRC64NVME of one byte range of a file, as S3's header value (System.IO.Hashing's CRC-64/NVME). Costs one more
/// read of each part.
/// </summary>
internal static class PartChecksum
{
    public static async Task<string> Crc64NvmeAsync(string path, long position, long length, CancellationToken cancellationToken)
    {
        var crc = new Crc64(Crc64ParameterSet.Nvme);
        var buffer = new byte[Math.Min(length, 1 << 20)];
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, useAsync: true);
        file.Position = position;
        for (var left = length; left > 0;)
        {
            var read = await file.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, left)), cancellationToken);
            if (read == 0)
            {
                throw new IOException($"'{path}' is shorter than when it was fingerprinted");
            }

            crc.Append(buffer.AsSpan(0, read));
            left -= read;
        }

        return S3Checksum.Format(crc.GetCurrentHashAsUInt64());
    }
}

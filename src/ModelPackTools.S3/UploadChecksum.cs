namespace ModelPackTools.S3;

/// <summary>The additional checksum an upload asks S3 to store and check (`--checksum-algorithm`).</summary>
public enum UploadChecksum
{
    Crc64Nvme,
    Crc32,

    // No flexible checksum: no trailing checksum and no aws-chunked body. Servers that only speak the older S3
    // protocol (some store the aws-chunked framing as object bytes) need this.
    None,
}

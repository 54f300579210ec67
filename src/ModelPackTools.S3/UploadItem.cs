using ModelPackTools.Hashing;

namespace ModelPackTools.S3;

/// <summary>One local file bound for one key, with the fingerprint predicted for it; the prediction fixes the part size.</summary>
public sealed record UploadItem(string LocalPath, string Key, Fingerprint Predicted);

namespace ModelPackTools.S3;

/// <summary>What the server answered for one upload, beside what was predicted for it.</summary>
public sealed record UploadedObject(string Key, string PredictedETag, string ActualETag)
{
    public bool Matches => string.Equals(this.PredictedETag.Trim('"'), this.ActualETag.Trim('"'), StringComparison.OrdinalIgnoreCase);
}

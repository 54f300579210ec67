namespace ModelPackTools.Spec;

/// <summary>An additional model data source: a named channel of more model data from S3.</summary>
public sealed record SpecDataSource(string? ChannelName, string? S3Uri, string S3DataType, string CompressionType);

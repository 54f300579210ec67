namespace ModelPackTools.Trees;

/// <summary>Where a tree came from; decides how paths are read (archive names vs S3 keys) and which rules apply.</summary>
public enum SourceKind
{
    Directory,
    Archive,
    Listing,
}

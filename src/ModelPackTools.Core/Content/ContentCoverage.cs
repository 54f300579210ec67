namespace ModelPackTools.Content;

/// <summary>
/// What the content scan covered in one check: for each scanner, how many files it read as its format and their
/// size, and the files offered that no scanner claimed (a config.json, a tokenizer's vocabulary). The point:
/// scanners that skip what they do not recognise say nothing about it, so a report that names what it did not scan
/// lets a reviewer see a `.pt` that was not read as a pickle. Paths are ordinal-sorted, scanners in settings order.
/// </summary>
public sealed record ContentCoverage(IReadOnlyList<ScannerCoverage> Scanners, int FilesOffered, IReadOnlyList<string> NotScanned);

/// <summary>One scanner's part: the files it claimed (<see cref="IContentScan.Claimed"/>) and the sum of their sizes.</summary>
public sealed record ScannerCoverage(string Name, int Files, long Bytes);

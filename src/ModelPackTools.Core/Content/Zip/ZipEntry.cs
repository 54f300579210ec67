namespace ModelPackTools.Content.Zip;

/// <summary>One central-directory record of a ZIP file (APPNOTE.TXT 4.3.12), zip64 sizes and offset resolved.</summary>
public sealed record ZipEntry(string Name, ushort Flags, ushort Method, uint Crc32, long CompressedSize, long Size, long LocalHeaderOffset);

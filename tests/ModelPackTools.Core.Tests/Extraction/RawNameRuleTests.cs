using System.Text.Json;
using ModelPackTools.Core.Tests.Support;
using ModelPackTools.Diagnostics;
using ModelPackTools.Packing;
using ModelPackTools.Reporting;
using static ModelPackTools.Core.Tests.Support.Checks;

namespace ModelPackTools.Core.Tests.Extraction;

/// <summary>
/// Names that are not UTF-8 (issue 10, item 2): compared by their bytes, warned about (MPK3007), and shown with each
/// such byte as `\xNN` so two of them stay two in every output.
/// </summary>
public class RawNameRuleTests
{
    private static readonly byte[] CafeE9 = [0x63, 0x61, 0x66, 0xE9, 0x2E, 0x74, 0x78, 0x74]; // "café.txt" in Latin-1
    private static readonly byte[] CafeE8 = [0x63, 0x61, 0x66, 0xE8, 0x2E, 0x74, 0x78, 0x74]; // "cafè.txt" in Latin-1
    private static readonly byte[] Koi8Privet = [0xD0, 0xD2, 0xC9, 0xD7, 0xC5, 0xD4]; // "привет" in KOI8-R
    private static readonly byte[] Koi8Mir = [0xCD, 0xC9, 0xD2]; // "мир" in KOI8-R

    private static byte[] Archive(params byte[][] names)
    {
        var tar = new TarBuilder().File("model.pth");
        foreach (var name in names)
        {
            tar.Entry(name, '0', [1, 2, 3]);
        }

        return tar.End().ToGzip();
    }

    [Fact]
    public void Latin1_names_that_differ_in_one_byte_are_two_files_not_a_duplicate()
    {
        var report = CheckArchive(Archive(CafeE9, CafeE8));

        Assert.Equal(["MPK3007", "MPK3007"], report.Codes());
        Assert.Equal([@"caf\xe9.txt", @"caf\xe8.txt"], report.Diagnostics.Select(d => d.Path));
        Assert.Equal(3, report.FileCount);
        Assert.False(report.HasErrors);
    }

    [Fact]
    public void Koi8_names_in_one_folder_are_distinct()
    {
        byte[] Under(byte[] name) => [.. "ru/"u8, .. name, .. ".txt"u8];
        var report = CheckArchive(Archive(Under(Koi8Privet), Under(Koi8Mir)));

        Assert.Equal(["MPK3007", "MPK3007"], report.Codes());
        Assert.Equal([@"ru/\xd0\xd2\xc9\xd7\xc5\xd4.txt", @"ru/\xcd\xc9\xd2.txt"], report.Diagnostics.Select(d => d.Path));
        Assert.Equal(3, report.FileCount);
    }

    [Fact]
    public void The_same_bad_bytes_twice_are_still_a_duplicate()
    {
        var report = CheckArchive(Archive(CafeE9, CafeE9));

        Assert.Contains("MPK1010", report.CodesFor(@"caf\xe9.txt"));
        Assert.Contains(report.Diagnostics, d => d.Code == "MPK1010" && d.Message.Contains(@"'caf\xe9.txt'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_bad_byte_counts_as_one_byte_towards_the_length_limits()
    {
        // 255 bytes is the component limit (NAME_MAX): 254 ASCII + one bad byte fits; as U+FFFD it was 257 bytes.
        byte[] name = [.. Enumerable.Repeat((byte)'a', 254), 0xE9];
        var tar = new TarBuilder().File("model.pth").PaxRaw(("path", name)).Entry(name, '0', [1]).End().ToGzip();

        var report = CheckArchive(tar);

        Assert.Equal(["MPK3007"], report.Codes());
    }

    [Fact]
    public void Json_and_sarif_reports_keep_the_two_names_apart()
    {
        var report = CheckArchive(Archive(CafeE9, CafeE8));

        using var json = new MemoryStream();
        JsonReportWriter.Write(report, json);
        using var jsonDocument = JsonDocument.Parse(json.ToArray());
        var jsonPaths = jsonDocument.RootElement.GetProperty("diagnostics").EnumerateArray().Select(d => d.GetProperty("path").GetString());
        Assert.Equal([@"caf\xe9.txt", @"caf\xe8.txt"], jsonPaths);

        using var sarif = new MemoryStream();
        SarifReportWriter.Write(report, sarif);
        using var sarifDocument = JsonDocument.Parse(sarif.ToArray());
        var texts = sarifDocument.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .Select(r => r.GetProperty("message").GetProperty("text").GetString()!).ToList();
        Assert.StartsWith(@"caf\xe9.txt: ", texts[0], StringComparison.Ordinal);
        Assert.StartsWith(@"caf\xe8.txt: ", texts[1], StringComparison.Ordinal);

        var text = new StringWriter();
        TextReportWriter.Write(report, text);
        Assert.Contains(@"caf\xe9.txt: warning MPK3007", text.ToString(), StringComparison.Ordinal);
        Assert.Contains(@"caf\xe8.txt: warning MPK3007", text.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Packed_header_carries_the_stored_bytes()
    {
        var name = RawNameText.Decode(CafeE9, out _);
        using var output = new MemoryStream();

        TarHeaderWriter.WriteMember(output, new PackEntry(name, IsDirectory: false, LocalPath: null, Size: 0, IsExecutable: false), 0);

        var header = output.ToArray();
        Assert.Equal(CafeE9, header[..CafeE9.Length]);
        Assert.Equal(0, header[CafeE9.Length]);
    }
}

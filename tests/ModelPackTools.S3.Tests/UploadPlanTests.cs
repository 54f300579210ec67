using ModelPackTools.Extraction;
using ModelPackTools.Hashing;
using ModelPackTools.Sources;

namespace ModelPackTools.S3.Tests;

/// <summary>Planning an upload consumes the check: the layout is walked once, and what appears after it is not uploaded.</summary>
public sealed class UploadPlanTests
{
    [Fact]
    public async Task Upload_plan_takes_the_checked_objects_without_walking_the_layout_again()
    {
        using var layout = new TestLayout().With("weights.bin", "w").With("code/inference.py", "print(1)");
        var root = Path.GetFullPath(layout.Model);
        var walks = 0;
        void Count(string path) => walks += path == root ? 1 : 0;
        var destination = S3Location.Parse("s3://bucket/models/m/");

        DirectorySource.Walking += Count;
        try
        {
            var check = UploadPlanner.Check(layout.Model, destination, new CheckSettings());
            layout.With("late.bin", "after the check");
            var plan = await UploadPlanner.PlanAsync(check, destination, null, null, new FingerprintOptions(FingerprintKinds.ETag, PartSizePolicy.AwsCli), CancellationToken.None);

            Assert.Equal(["models/m/code/inference.py", "models/m/weights.bin"], plan.Objects.Select(o => o.Key).Order(StringComparer.Ordinal));
        }
        finally
        {
            DirectorySource.Walking -= Count;
        }

        Assert.Equal(1, walks);
    }
}

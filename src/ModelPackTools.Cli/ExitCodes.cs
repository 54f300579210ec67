namespace ModelPackTools.Cli;

/// <summary>The contract CI scripts rely on.</summary>
internal static class ExitCodes
{
    public const int Clean = 0;
    public const int ErrorsFound = 1;
    public const int UsageOrIoFailure = 2;
}

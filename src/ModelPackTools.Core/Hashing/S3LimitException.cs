using ModelPackTools.Diagnostics;

namespace ModelPackTools.Hashing;

/// <summary>
/// An upload S3 would refuse: a part size outside 5 MiB..5 GiB, more than 10,000 parts, or a single PUT over 5 GiB.
/// The message names the numbers and what to change; the code is MPK9005, so front-ends print it like any failure.
/// </summary>
public sealed class S3LimitException : ModelPackException
{
    public S3LimitException()
        : base(DiagnosticCatalog.S3LimitExceeded, "the upload exceeds an S3 limit")
    {
    }

    public S3LimitException(string message)
        : base(DiagnosticCatalog.S3LimitExceeded, message)
    {
    }

    public S3LimitException(string message, Exception innerException)
        : base(DiagnosticCatalog.S3LimitExceeded.Create(null, message), innerException)
    {
    }
}

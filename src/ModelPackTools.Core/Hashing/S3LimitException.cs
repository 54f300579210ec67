namespace ModelPackTools.Hashing;

/// <summary>
/// An upload S3 would refuse: a part size outside 5 MiB..5 GiB, more than 10,000 parts, or a single PUT over 5 GiB.
/// The message names the numbers and what to change, so a front-end can print it as the whole error.
/// </summary>
public sealed class S3LimitException : Exception
{
    public S3LimitException()
    {
    }

    public S3LimitException(string message)
        : base(message)
    {
    }

    public S3LimitException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

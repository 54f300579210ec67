namespace ModelPackTools.Sources;

/// <summary>
/// The input cannot be read at all (missing, unreadable, not a format this tool knows). Front-ends print the
/// message, which names the input, as one line and exit with code 2; it is never a finding about the model.
/// </summary>
public sealed class ModelInputException : Exception
{
    public ModelInputException()
    {
    }

    public ModelInputException(string message)
        : base(message)
    {
    }

    public ModelInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

namespace ModelPackTools.Extraction;

internal enum ResolutionStatus
{
    Found,
    Missing,
    Escapes,
    Loop,
    NotADirectory,
}

/// <summary>The outcome of walking a path through the simulated tree, links included.</summary>
internal readonly record struct Resolution(ResolutionStatus Status, VirtualNode? Node)
{
    public string Describe() => this.Status switch
    {
        ResolutionStatus.Escapes => "leads outside the model directory",
        ResolutionStatus.Loop => "is a loop of links",
        ResolutionStatus.NotADirectory => "goes through something that is not a directory",
        _ => "points to nothing (dangling)",
    };
}

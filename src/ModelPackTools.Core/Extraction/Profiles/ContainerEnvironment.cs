namespace ModelPackTools.Extraction.Profiles;

/// <summary>Reads the serving container's environment of a simulation, which is null when the check was not told it.</summary>
internal static class ContainerEnvironment
{
    /// <summary>The variable's value when it is set to something, else null (unset and empty alike, as the scripts test `-n`).</summary>
    public static string? Value(this ExtractionContext context, string name) =>
        context.Options.Environment is { } environment && environment.TryGetValue(name, out var value) && value.Length > 0 ? value : null;

    public static bool IsKnown(this ExtractionContext context) => context.Options.Environment is not null;

    /// <summary>SAGEMAKER_MULTI_MODEL=true: a multi-model endpoint, where the containers load models from /opt/ml/models instead.</summary>
    public static bool IsMultiModel(this ExtractionContext context) =>
        string.Equals(context.Value("SAGEMAKER_MULTI_MODEL"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>A Hub model id in the environment (the Hugging Face toolkit, TGI and LMI download it instead of reading /opt/ml/model).</summary>
    public static bool NamesHubModel(this ExtractionContext context) => context.Value("HF_MODEL_ID") is { } id && !id.StartsWith('/');
}

namespace ModelPackTools.Content.Pickle;

/// <summary>
/// The functions that unpickle the bytes they are given: a pickle that calls one with a constant of its own stream is
/// a pickle inside a pickle, scanned recursively (torch.storage._load_from_bytes is how `pickle.dumps` writes a
/// torch storage: torch/storage.py `__reduce__`). Loaders whose argument is a file name or file object (torch.load,
/// numpy.load, joblib.load: a bytes argument is opened as a path) read bytes the stream does not hold, so they stay
/// refused whatever they are given.
/// </summary>
public static class PickleLoaders
{
    private static readonly HashSet<string> ContentLoaders = new(StringComparer.Ordinal)
    {
        "pickle.loads", "pickle._loads", "_pickle.loads", "cPickle.loads", "dill.loads", "dill._dill.loads",
        "cloudpickle.loads", "cloudpickle.cloudpickle.loads", "numpy.loads", "numpy.core.numeric.loads",
        "torch.storage._load_from_bytes",
    };

    private static readonly HashSet<string> PathLoaders = new(StringComparer.Ordinal)
    {
        "torch.load", "torch.serialization.load", "numpy.load", "numpy.lib.npyio.load", "numpy.lib._npyio_impl.load",
        "joblib.load", "joblib.numpy_pickle.load", "sklearn.externals.joblib.load",
        "sklearn.externals.joblib.numpy_pickle.load", "pickle.load", "_pickle.load", "dill.load", "cloudpickle.load",
    };

    /// <summary>Whether the import unpickles the bytes it is called with (scanned when they are constant).</summary>
    public static bool ReadsContent(PickleImport import) => ContentLoaders.Contains(import.FullName);

    /// <summary>Whether the import is any loader of pickled content, by bytes or by file.</summary>
    public static bool IsLoader(PickleImport import) => ReadsContent(import) || PathLoaders.Contains(import.FullName);
}

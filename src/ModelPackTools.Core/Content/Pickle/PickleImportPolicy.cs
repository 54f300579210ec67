namespace ModelPackTools.Content.Pickle;

/// <summary>
/// The one place that says which imports a model pickle may perform. The allowlist follows PyTorch's `weights_only`
/// unpickler (torch/_weights_only_unpickler.py: OrderedDict, the tensor/parameter rebuild helpers, storage types,
/// dtypes, torch.Size), NumPy's array reconstruction, and the estimator modules scikit-learn/XGBoost/joblib pickles
/// hold. Everything else is refused; the denylist only adds the explanation for known-dangerous modules.
/// </summary>
public static class PickleImportPolicy
{
    private static readonly HashSet<string> AllowedNames = new(StringComparer.Ordinal)
    {
        "collections.OrderedDict",
        "torch._utils._rebuild_tensor_v2",
        "torch._utils._rebuild_parameter",
        "torch._utils._rebuild_parameter_with_state",
        "joblib.numpy_pickle.NumpyArrayWrapper",
        "torch.Size",
        "numpy.core.multiarray._reconstruct",
        "numpy._core.multiarray._reconstruct",
        "numpy.core.multiarray.scalar",
        "numpy._core.multiarray.scalar",
        "numpy.ndarray",
        "numpy.dtype",
        "builtins.set",
        "builtins.frozenset",
        "builtins.slice",
        "builtins.complex",
        "builtins.bytearray", // xgboost.core.Booster.__getstate__ keeps the model as bytearray(raw)
        "_codecs.encode",
    };

    // Not all of joblib.numpy_pickle: it also holds load, dump and load_compatibility, which read and write files.
    private static readonly string[] AllowedModulePrefixes = ["sklearn.", "xgboost."];

    // Inside the allowed packages, the modules no estimator pickle needs and that run or fetch things:
    // sklearn.utils._testing.assert_run_python_script_without_output runs a script it is given, sklearn.datasets
    // downloads and writes files, sklearn.externals vendors joblib (its load unpickles a file).
    private static readonly string[] RefusedModuleParts = ["testing", "_testing", "externals", "datasets", "_build_utils"];

    // Modules that are not a root the denylist names but whose functions run code (picklescan's _unsafe_globals and
    // its advisories: numpy.f2py's eval, numpy.testing's runstring, torch.utils.bottleneck's run_cprofile,
    // torch._inductor.codecache.compile_file, torch.jit.unsupported_tensor_ops.execWrapper, torch.hub's downloads).
    private static readonly string[] DangerousModulePrefixes =
    [
        "numpy.f2py", "numpy.testing", "numpy.distutils", "torch.utils.bottleneck", "torch.utils.collect_env", "torch._inductor",
        "torch.jit.unsupported_tensor_ops", "torch.hub", "torch.utils.data.datapipes.utils.decoder", "torch._dynamo",
        "torch.fx.experimental.symbolic_shapes", "torch.utils._config_module",
    ];

    private static readonly string[] DangerousModules =
    [
        "os", "posix", "nt", "subprocess", "commands", "runpy", "socket", "importlib", "pkgutil", "asyncio",
        "multiprocessing", "marshal", "pty", "shutil", "ctypes", "webbrowser", "code", "sys", "pickle", "_pickle",

        // picklescan's advisories and CVE-2025-1716 (pip.main installs a package): debuggers, profilers and timers
        // that run the code they are given, IDLE's interpreter, pip, file I/O.
        "pip", "bdb", "pdb", "timeit", "cProfile", "profile", "trace", "idlelib", "doctest", "pydoc", "venv",
        "ensurepip", "codeop", "compileall", "py_compile", "_io", "io", "dill", "cloudpickle", "_osx_support", "_aix_support",
    ];

    private static readonly HashSet<string> DangerousNames = new(StringComparer.Ordinal)
    {
        "builtins.eval", "builtins.exec", "builtins.compile", "builtins.getattr", "builtins.__import__",
        "builtins.open", "builtins.setattr", "builtins.breakpoint", "types.FunctionType", "types.CodeType",
        "torch.load", "torch.storage._load_from_bytes", "numpy.load", "joblib.load",

        // Gadgets that call or look up what they are given (picklescan's advisories: attrgetter("system")(os)).
        "operator.attrgetter", "operator.methodcaller", "operator.itemgetter", "operator.getitem", "functools.partial",
        "functools.reduce", "builtins.apply", "builtins.globals", "builtins.vars", "builtins.input",
    };

    /// <summary>Whether the import is accepted, given the reviewed imports the user allowed explicitly.</summary>
    public static bool IsAllowed(PickleImport import, IReadOnlySet<string> reviewed)
    {
        if (reviewed.Contains(import.FullName))
        {
            return true;
        }

        import = Python3Name(import);
        string full = import.FullName;
        if (reviewed.Contains(full) || AllowedNames.Contains(full))
        {
            return true;
        }

        // Protocol 4's dotted names walk attributes (Lib/pickle.py _getattribute): `sklearn.datasets._base` +
        // `os.system` is os.system. The module-wide rules below cover the module's own names only.
        if (IsDangerous(import) || import.Name.Contains('.', StringComparison.Ordinal))
        {
            return false;
        }

        // torch.FloatStorage, torch.HalfStorage, ..., the tensor classes torch.Tensor, torch.FloatTensor (the legacy tar's
        // `tensors` records name them; weights_only allows torch._tensor_classes) and the dtype objects torch.float32 etc.
        if (import.Module == "torch" && (import.Name.EndsWith("Storage", StringComparison.Ordinal) || import.Name.EndsWith("Tensor", StringComparison.Ordinal) || IsTorchDtype(import.Name)))
        {
            return true;
        }

        return AllowedModulePrefixes.Any(prefix => (import.Module + ".").StartsWith(prefix, StringComparison.Ordinal))
            && !import.Module.Split('.').Intersect(RefusedModuleParts, StringComparer.Ordinal).Any();
    }

    /// <summary>Whether the import is a known way to run code or load another pickle (the explanation of a refusal).</summary>
    public static bool IsDangerous(PickleImport import)
    {
        import = Python3Name(import);
        string root = import.Module.Split('.')[0];
        return DangerousModules.Contains(root) || DangerousNames.Contains(import.FullName) || PickleLoaders.IsLoader(import)
            || DangerousModulePrefixes.Any(p => (import.Module + ".").StartsWith(p + ".", StringComparison.Ordinal))
            || (import.Name.Split('.') is [var first, _, ..] && DangerousModules.Contains(first)); // `anything` + `os.system`
    }

    /// <summary>Why a dangerous import is dangerous, for the finding's message.</summary>
    public static string Danger(PickleImport import)
    {
        import = Python3Name(import);
        string root = import.Module.Split('.')[0];
        return import.FullName switch
        {
            _ when PickleLoaders.IsLoader(import) => "a loader that unpickles its argument",
            "torch.load" or "torch.storage._load_from_bytes" or "numpy.load" or "joblib.load" => "a loader that unpickles its argument",
            "types.FunctionType" or "types.CodeType" => "builds a function from code objects",
            _ when root is "os" or "posix" or "nt" or "subprocess" or "pty" or "commands" => "runs processes",
            _ when import.Name.Split('.') is [var first, _, ..] && DangerousModules.Contains(first) => $"reaches the module '{first}' through an attribute path",
            _ when root is "operator" or "functools" => "calls or looks up what it is given",
            _ when root is "pip" or "ensurepip" or "venv" => "installs packages",
            _ when root is "bdb" or "pdb" or "timeit" or "cProfile" or "profile" or "trace" or "idlelib" or "doctest" or "pydoc" or "codeop" or "compileall" or "py_compile" => "runs or compiles the code it is given",
            _ when root is "_io" or "io" => "reads and writes files",
            _ when root is "dill" or "cloudpickle" => "a loader that unpickles its argument",
            _ when root is "numpy" or "torch" => "runs, compiles or downloads code",
            _ when root is "_osx_support" or "_aix_support" => "runs processes",
            _ when root is "builtins" => "evaluates or looks up arbitrary code",
            _ when root is "importlib" or "pkgutil" or "runpy" or "sys" or "code" => "imports or runs arbitrary modules",
            _ when root is "socket" or "asyncio" or "webbrowser" or "multiprocessing" => "opens connections or processes",
            _ when root is "marshal" or "ctypes" => "loads code objects or native code",
            _ when root is "pickle" or "_pickle" => "a loader that unpickles its argument",
            _ => "changes files or the interpreter",
        };
    }

    /// <summary>
    /// Python 2 module names as Lib/_compat_pickle.py maps them for protocols below 3 (applied always: a name that
    /// only a Python 2 alias would reach must be judged as what it loads).
    /// </summary>
    private static PickleImport Python3Name(PickleImport import) => import.Module switch
    {
        "__builtin__" => import with { Module = "builtins" },
        "copy_reg" => import with { Module = "copyreg" },
        "commands" => import with { Module = "subprocess" },
        "cPickle" => import with { Module = "pickle" },
        _ => import,
    };

    private static bool IsTorchDtype(string name) => name is "float32" or "float64" or "float16" or "bfloat16"
        or "int8" or "uint8" or "int16" or "int32" or "int64" or "bool" or "complex64" or "complex128";
}

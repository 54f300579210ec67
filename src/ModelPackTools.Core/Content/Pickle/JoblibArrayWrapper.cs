namespace ModelPackTools.Content.Pickle;

/// <summary>
/// joblib's inline arrays (joblib/numpy_pickle.py): `NumpyPickler.save` pickles a NumpyArrayWrapper in place of each
/// array and writes the array's raw bytes right after the wrapper's BUILD; `NumpyUnpickler.load_build` reads them back
/// with `NumpyArrayWrapper.read_array` and the pickle goes on. The scan skips exactly those bytes, measured as
/// read_array measures them: one padding-length byte and that many padding bytes when the state has
/// `numpy_array_alignment_bytes` (joblib 1.2 and later), then the product of `shape` times the dtype's item size; an
/// array of objects is instead a protocol-2 pickle of its own (`pickle.load` of the stream). A wrapper whose shape or
/// dtype the scan cannot read fails closed.
/// </summary>
internal static class JoblibArrayWrapper
{
    private static readonly HashSet<string> Wrappers = new(StringComparer.Ordinal)
    {
        "joblib.numpy_pickle.NumpyArrayWrapper", "sklearn.externals.joblib.numpy_pickle.NumpyArrayWrapper",
    };

    public static bool IsWrapper(PickleImport import) => Wrappers.Contains(import.FullName);

    /// <summary>How many bytes follow the wrapper's BUILD before the pickle goes on (0 and true for an object array), or why they cannot be measured.</summary>
    public static (long Length, bool HasObjects, string? Error) Measure(PickleObject wrapper, ReadOnlySpan<byte> data, int pos)
    {
        if (wrapper.State is not PickleDict state || state.Get("shape") is not PickleTuple shape || state.Get("dtype") is not PickleObject dtype)
        {
            return (0, false, "a joblib NumpyArrayWrapper without a readable shape and dtype");
        }

        var (itemSize, hasObjects) = DtypeSize(dtype);
        if (hasObjects)
        {
            return (0, true, null);
        }

        long count = 1;
        foreach (var dimension in shape.Items)
        {
            if (dimension is not long d || d < 0 || (d > 0 && count > long.MaxValue / d))
            {
                return (0, false, "a joblib NumpyArrayWrapper whose shape is not a tuple of sizes");
            }

            count *= d;
        }

        if (itemSize <= 0 || (count > 0 && itemSize > long.MaxValue / count))
        {
            return (0, false, "a joblib NumpyArrayWrapper whose dtype has no item size the scan knows");
        }

        long length = count * itemSize;
        if (state.Get("numpy_array_alignment_bytes") is long)
        {
            // read_array: one byte holding the padding length, then the padding, then the data.
            if (pos >= data.Length)
            {
                return (0, false, "truncated: the stream ends before a joblib array");
            }

            length += 1 + data[pos];
        }

        return length > data.Length - pos
            ? (0, false, "truncated: the stream ends inside a joblib array")
            : (length, false, null);
    }

    /// <summary>
    /// numpy's dtype pickle (numpy/_core/src/multiarray/descriptor.c arraydescr_reduce): numpy.dtype(typestr, False,
    /// True), then BUILD with (version, byteorder, subarray, names, fields, elsize, alignment, flags[, metadata]);
    /// elsize is -1 except for flexible and structured types. An object dtype, or fields holding one, has objects.
    /// </summary>
    private static (long ItemSize, bool HasObjects) DtypeSize(PickleObject dtype)
    {
        if (dtype.Type.Import.FullName != "numpy.dtype" || dtype.Arguments is not PickleTuple { Items: [string typestr, ..] })
        {
            return (-1, false);
        }

        var state = (dtype.State as PickleTuple)?.Items;
        if (typestr.StartsWith('O') || (state is not null && state.Any(ContainsObjectDtype)))
        {
            return (0, true);
        }

        if (state is { Count: >= 8 } && state[5] is long elsize && elsize > 0)
        {
            return (elsize, false);
        }

        if (typestr.Length < 2 || !long.TryParse(typestr.AsSpan(1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out long size))
        {
            return (-1, false);
        }

        return typestr[0] switch
        {
            'U' => (size * 4, false),
            'b' or 'i' or 'u' or 'f' or 'c' or 'M' or 'm' or 'S' or 'V' => (size, false),
            _ => (-1, false),
        };
    }

    private static bool ContainsObjectDtype(object value) => value switch
    {
        PickleObject { Type.Import.FullName: "numpy.dtype" } nested => DtypeSize(nested).HasObjects,
        PickleTuple tuple => tuple.Items.Any(ContainsObjectDtype),
        PickleDict dict => dict.Items.Any(p => ContainsObjectDtype(p.Value)),
        _ => false,
    };
}

using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace ModelPackTools.Content.Pickle;

/// <summary>
/// A pickle disassembler that never executes anything: it walks the opcodes of protocols 0-5 (CPython
/// Lib/pickletools.py is the reference for every opcode and its argument), simulating the stack and memo only far
/// enough to resolve each import as the unpickler would (GLOBAL, INST, and STACK_GLOBAL whose operands must be strings
/// on the simulated stack), to see each call of a loader that unpickles its argument, and to skip the array bytes
/// joblib writes inline after a NumpyArrayWrapper (<see cref="JoblibArrayWrapper"/>). Fails closed: truncation, an
/// unknown opcode, a stack underflow or data after STOP is an error, never a clean result.
/// </summary>
public static class PickleDisassembler
{
    /// <summary>Disassembles one complete pickle stream (data after its STOP is an error).</summary>
    public static PickleDisassembly Disassemble(ReadOnlySpan<byte> data) => Disassemble(data, 0, wholeStream: true);

    /// <summary>
    /// Disassembles the pickle that starts at <paramref name="start"/>; with <paramref name="wholeStream"/> false the
    /// stream may go on after its STOP (torch's legacy format stacks pickles): <see cref="PickleDisassembly.End"/> is
    /// where the next one starts.
    /// </summary>
    public static PickleDisassembly Disassemble(ReadOnlySpan<byte> data, int start, bool wholeStream)
    {
        var machine = new PickleMachine();
        var (error, errorOffset, end, value) = machine.Run(data, start, wholeStream, joblib: true);
        return new(machine.Imports, error, errorOffset)
        {
            PersistentIds = machine.PersistentIds,
            GlobalBuilds = machine.GlobalBuilds,
            NestedLoads = machine.NestedLoads,
            Calls = machine.Calls,
            End = end,
            Value = value,
        };
    }

    /// <summary>One run's stack machine; the outputs are shared with the pickles nested in the stream (joblib object arrays).</summary>
    private sealed class PickleMachine
    {
        public List<PickleImport> Imports { get; } = [];

        public List<PicklePersistentId> PersistentIds { get; } = [];

        public List<PickleImport> GlobalBuilds { get; } = [];

        public List<PickleNestedLoad> NestedLoads { get; } = [];

        public List<PickleImport> Calls { get; } = [];

        public (string? Error, long ErrorOffset, int End, object? Value) Run(ReadOnlySpan<byte> data, int start, bool wholeStream, bool joblib)
        {
            var stack = new List<object>();
            var memo = new Dictionary<long, object>();
            int pos = start;
            while (true)
            {
                int at = pos;
                if (pos >= data.Length)
                {
                    return ("truncated: the stream ends before STOP", pos, pos, null);
                }

                byte op = data[pos++];
                try
                {
                    if (op == (byte)'.')
                    {
                        object? top = stack.Count > 0 ? stack[^1] : null;
                        return pos == data.Length || !wholeStream ? (null, -1, pos, top) : ("data after STOP", pos, pos, top);
                    }

                    if (op == (byte)'b' && this.Build(data, stack, at, ref pos, joblib) is { } buildError)
                    {
                        return (buildError, at, pos, null);
                    }

                    if (op != (byte)'b' && this.Step(op, data, stack, memo, at, ref pos) is { } error)
                    {
                        return (error, at, pos, null);
                    }
                }
                catch (PickleFormatException e)
                {
                    return (e.Message, at, pos, null);
                }
                catch (KeyNotFoundException)
                {
                    return ("memo read of a key never stored", at, pos, null);
                }
                catch (FormatException)
                {
                    return ("malformed memo key", at, pos, null);
                }
            }
        }

        /// <summary>Every opcode but STOP and BUILD; returns an error that ends the stream, or null.</summary>
        private string? Step(byte op, ReadOnlySpan<byte> data, List<object> stack, Dictionary<long, object> memo, int at, ref int pos)
        {
            switch (op)
            {
                case (byte)'(': stack.Add(PickleValue.Mark); break;
                case (byte)'0': Pop(stack); break;
                case (byte)'1': PopMark(stack); break;
                case (byte)'2': stack.Add(Peek(stack)); break;
                case (byte)'F': Line(data, ref pos); stack.Add(PickleValue.Other); break;
                case (byte)'I' or (byte)'L': stack.Add(TextInt(Line(data, ref pos))); break;
                case (byte)'S': stack.Add(Line(data, ref pos).Trim('\'', '"')); break;
                case (byte)'V': stack.Add(Line(data, ref pos)); break;
                case (byte)'P': this.PersistentIds.Add(new([Line(data, ref pos)], at)); stack.Add(PickleValue.Other); break;
                case (byte)'Q': this.PersistentIds.Add(new(Pop(stack) is PickleTuple id ? [.. id.Items.Select(i => i as string)] : [], at)); stack.Add(PickleValue.Other); break;
                case (byte)'J': stack.Add((long)BinaryPrimitives.ReadInt32LittleEndian(Take(data, ref pos, 4))); break;
                case (byte)'K': stack.Add((long)Take(data, ref pos, 1)[0]); break;
                case (byte)'M': stack.Add((long)BinaryPrimitives.ReadUInt16LittleEndian(Take(data, ref pos, 2))); break;
                case (byte)'G': Take(data, ref pos, 8); stack.Add(PickleValue.Other); break;
                case (byte)'N': stack.Add(PickleValue.None); break;
                case 0x88: stack.Add(true); break;
                case 0x89: stack.Add(false); break;
                case (byte)'T': stack.Add(Latin1(Take(data, ref pos, Length4(data, ref pos)))); break;
                case (byte)'U': stack.Add(Latin1(Take(data, ref pos, Take(data, ref pos, 1)[0]))); break;
                case (byte)'X': stack.Add(Utf8(Take(data, ref pos, Length4(data, ref pos)))); break;
                case 0x8c: stack.Add(Utf8(Take(data, ref pos, Take(data, ref pos, 1)[0]))); break;
                case 0x8d: stack.Add(Utf8(Take(data, ref pos, Length8(data, ref pos)))); break;
                case (byte)'B': stack.Add(BytesAt(data, ref pos, Length4(data, ref pos))); break;
                case (byte)'C': stack.Add(BytesAt(data, ref pos, Take(data, ref pos, 1)[0])); break;
                case 0x8e or 0x96: stack.Add(BytesAt(data, ref pos, Length8(data, ref pos))); break;
                case 0x8a: stack.Add(Long(Take(data, ref pos, Take(data, ref pos, 1)[0]))); break;
                case 0x8b: stack.Add(Long(Take(data, ref pos, Length4(data, ref pos)))); break;
                case (byte)'c': // GLOBAL module\nname\n
                    this.Imports.Add(new(Line(data, ref pos), Line(data, ref pos), at));
                    stack.Add(new GlobalRef(this.Imports[^1]));
                    break;
                case (byte)'i': // INST module\nname\n, then calls it with the items above MARK
                    this.Imports.Add(new(Line(data, ref pos), Line(data, ref pos), at));
                    stack.Add(this.Call(new GlobalRef(this.Imports[^1]), new PickleTuple(PopMark(stack)), at, data));
                    break;
                case 0x93: // STACK_GLOBAL: name and module must be strings from the stack
                    object name = Pop(stack);
                    object module = Pop(stack);
                    if (module is not string m || name is not string n)
                    {
                        return "STACK_GLOBAL operands are not strings on the stack";
                    }

                    this.Imports.Add(new(m, n, at));
                    stack.Add(new GlobalRef(this.Imports[^1]));
                    break;
                case (byte)'R': // REDUCE: callable(*args)
                    object args = Pop(stack);
                    stack.Add(this.Call(Pop(stack), args, at, data));
                    break;
                case 0x81: // NEWOBJ: cls.__new__(cls, *args)
                    object newArgs = Pop(stack);
                    stack.Add(this.New(Pop(stack), newArgs, at));
                    break;
                case 0x92: // NEWOBJ_EX: cls.__new__(cls, *args, **kwargs)
                    Pop(stack);
                    object exArgs = Pop(stack);
                    stack.Add(this.New(Pop(stack), exArgs, at));
                    break;
                case (byte)'a': // APPEND
                    object item = Pop(stack);
                    (Peek(stack) as PickleList)?.Items.Add(item);
                    break;
                case (byte)'e': // APPENDS
                    var items = PopMark(stack);
                    (Peek(stack) as PickleList)?.Items.AddRange(items);
                    break;
                case (byte)'s': // SETITEM
                    object value = Pop(stack);
                    object key = Pop(stack);
                    (Peek(stack) as PickleDict)?.Items.Add((key, value));
                    break;
                case (byte)'u': // SETITEMS
                    var pairs = PopMark(stack);
                    AddPairs(Peek(stack) as PickleDict, pairs);
                    break;
                case 0x90: PopMark(stack); Peek(stack); break; // ADDITEMS
                case (byte)'t': stack.Add(new PickleTuple(PopMark(stack))); break;
                case (byte)'d': // DICT
                    var dict = new PickleDict();
                    AddPairs(dict, PopMark(stack));
                    stack.Add(dict);
                    break;
                case (byte)'l': stack.Add(new PickleList(PopMark(stack))); break;
                case 0x91: PopMark(stack); stack.Add(PickleValue.Other); break; // FROZENSET
                case (byte)'o': // OBJ: calls the class (or function) below the arguments above MARK
                    var objItems = PopMark(stack);
                    if (objItems.Count == 0)
                    {
                        return "OBJ without a class";
                    }

                    stack.Add(this.Call(objItems[0], new PickleTuple(objItems[1..]), at, data));
                    break;
                case (byte)'}': stack.Add(new PickleDict()); break;
                case (byte)']': stack.Add(new PickleList([])); break;
                case 0x8f: stack.Add(PickleValue.Other); break; // EMPTY_SET
                case 0x85 or 0x86 or 0x87: stack.Add(new PickleTuple(PopItems(stack, op - 0x84))); break; // TUPLE1-3
                case (byte)')': stack.Add(new PickleTuple([])); break;
                case (byte)'g': stack.Add(memo[long.Parse(Line(data, ref pos), CultureInfo.InvariantCulture)]); break;
                case (byte)'h': stack.Add(memo[Take(data, ref pos, 1)[0]]); break;
                case (byte)'j': stack.Add(memo[Length4(data, ref pos)]); break;
                case (byte)'p': memo[long.Parse(Line(data, ref pos), CultureInfo.InvariantCulture)] = Peek(stack); break;
                case (byte)'q': memo[Take(data, ref pos, 1)[0]] = Peek(stack); break;
                case (byte)'r': memo[Length4(data, ref pos)] = Peek(stack); break;
                case 0x94: memo[memo.Count] = Peek(stack); break; // MEMOIZE
                case 0x80: Take(data, ref pos, 1); break; // PROTO
                case 0x95: Take(data, ref pos, 8); break; // FRAME
                case 0x82 or 0x83 or 0x84: // EXT1/2/4: an import through the copyreg extension registry
                    Take(data, ref pos, op == 0x82 ? 1 : op == 0x83 ? 2 : 4);
                    this.Imports.Add(new("copyreg", "_extension_registry", at));
                    stack.Add(PickleValue.Other);
                    break;
                case 0x97: stack.Add(PickleValue.Other); break; // NEXT_BUFFER
                case 0x98: Peek(stack); break; // READONLY_BUFFER
                default:
                    return $"unknown opcode 0x{op:x2}";
            }

            return null;
        }

        /// <summary>BUILD sets the state of the object below; on a global it rewrites a class, function or module.</summary>
        private string? Build(ReadOnlySpan<byte> data, List<object> stack, int at, ref int pos, bool joblib)
        {
            object state = Pop(stack);
            object target = Peek(stack);
            if (target is GlobalRef global)
            {
                this.GlobalBuilds.Add(global.Import with { Offset = at });
            }

            if (target is not PickleObject built)
            {
                return null;
            }

            built.State = state;
            if (!joblib || !JoblibArrayWrapper.IsWrapper(built.Type.Import))
            {
                return null;
            }

            // joblib/numpy_pickle.py NumpyUnpickler.load_build: right after this BUILD the wrapper reads its array
            // from the stream (read_array), and the pickle goes on after it.
            var (length, hasObjects, error) = JoblibArrayWrapper.Measure(built, data, pos);
            if (error is not null)
            {
                return error;
            }

            stack[^1] = PickleValue.Other;
            if (!hasObjects)
            {
                pos += (int)length;
                return null;
            }

            // An object array is a plain pickle.load of the stream at this point (protocol 2), then the outer pickle goes on.
            var (innerError, innerOffset, end, _) = this.Run(data, pos, wholeStream: false, joblib: false);
            pos = end;
            return innerError is null ? null : $"{innerError} (in the object array at byte {innerOffset})";
        }

        /// <summary>A call of <paramref name="callable"/>: a loader call is recorded with its bytes, `_codecs.encode` yields bytes.</summary>
        private object Call(object callable, object args, int at, ReadOnlySpan<byte> data)
        {
            if (callable is not GlobalRef global)
            {
                return PickleValue.Other;
            }

            this.Calls.Add(global.Import);
            var items = (args as PickleTuple)?.Items;
            if (PickleLoaders.ReadsContent(global.Import))
            {
                byte[]? payload = items is [var first, ..] ? ConstantBytes(first, data) : null;
                this.NestedLoads.Add(new(global.Import, at, payload));
                return PickleValue.Other;
            }

            // Protocols 0-2 write a bytes object as _codecs.encode(text, 'latin1') (Lib/pickle.py save_bytes).
            if (global.Import.FullName == "_codecs.encode" && items is [string text, string encoding] && encoding is "latin1" or "latin-1")
            {
                return new PickleBytes(0, 0, Encoding.Latin1.GetBytes(text));
            }

            return new PickleObject(global, args);
        }

        private object New(object type, object args, int at)
        {
            if (type is not GlobalRef global)
            {
                return PickleValue.Other;
            }

            this.Calls.Add(global.Import);
            if (PickleLoaders.ReadsContent(global.Import))
            {
                this.NestedLoads.Add(new(global.Import, at, null));
            }

            return new PickleObject(global, args);
        }
    }

    /// <summary>The bytes a loader is given: a bytes constant, or a str (BINSTRING and friends) as its Latin-1 bytes.</summary>
    private static byte[]? ConstantBytes(object value, ReadOnlySpan<byte> data) => value switch
    {
        PickleBytes bytes => bytes.ToArray(data),
        string text => Encoding.Latin1.GetBytes(text),
        _ => null,
    };

    private static void AddPairs(PickleDict? dict, List<object> items)
    {
        if (items.Count % 2 != 0)
        {
            throw new PickleFormatException("odd number of items for a dict");
        }

        for (int i = 0; dict is not null && i < items.Count; i += 2)
        {
            dict.Items.Add((items[i], items[i + 1]));
        }
    }

    private static object Pop(List<object> stack)
    {
        object top = Peek(stack);
        stack.RemoveAt(stack.Count - 1);
        return top;
    }

    private static object Peek(List<object> stack) =>
        stack.Count > 0 && stack[^1] != PickleValue.Mark ? stack[^1] : throw new PickleFormatException("stack underflow");

    private static List<object> PopMark(List<object> stack)
    {
        int mark = stack.LastIndexOf(PickleValue.Mark);
        if (mark < 0)
        {
            throw new PickleFormatException("no MARK on the stack");
        }

        var items = stack.GetRange(mark + 1, stack.Count - mark - 1);
        stack.RemoveRange(mark, stack.Count - mark);
        return items;
    }

    private static List<object> PopItems(List<object> stack, int count)
    {
        var items = new List<object>();
        for (int i = 0; i < count; i++)
        {
            items.Insert(0, Pop(stack));
        }

        return items;
    }

    private static PickleBytes BytesAt(ReadOnlySpan<byte> data, ref int pos, long count)
    {
        int start = pos;
        Take(data, ref pos, count);
        return new PickleBytes(start, (int)count);
    }

    private static ReadOnlySpan<byte> Take(ReadOnlySpan<byte> data, ref int pos, long count)
    {
        if (count < 0 || count > data.Length - pos)
        {
            throw new PickleFormatException("truncated: an argument runs past the end");
        }

        ReadOnlySpan<byte> slice = data.Slice(pos, (int)count);
        pos += (int)count;
        return slice;
    }

    private static long Length4(ReadOnlySpan<byte> data, ref int pos) => BinaryPrimitives.ReadUInt32LittleEndian(Take(data, ref pos, 4));

    private static long Length8(ReadOnlySpan<byte> data, ref int pos)
    {
        ulong value = BinaryPrimitives.ReadUInt64LittleEndian(Take(data, ref pos, 8));
        return value > int.MaxValue ? -1 : (long)value;
    }

    /// <summary>LONG1/LONG4: a little-endian two's-complement integer; kept when it fits in 64 bits.</summary>
    private static object Long(ReadOnlySpan<byte> bytes)
    {
        var value = new System.Numerics.BigInteger(bytes, isUnsigned: false, isBigEndian: false);
        if (bytes.Length <= 8)
        {
            return (long)value;
        }

        return new PickleBigInteger(value);
    }

    /// <summary>INT/LONG text ("42", "42L"; protocol 0 writes True/False as "01"/"00").</summary>
    private static object TextInt(string text) =>
        long.TryParse(text.TrimEnd('L'), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value) ? value : PickleValue.Other;

    private static string Line(ReadOnlySpan<byte> data, ref int pos)
    {
        int end = data[pos..].IndexOf((byte)'\n');
        if (end < 0)
        {
            throw new PickleFormatException("truncated: a text argument has no newline");
        }

        string line = Latin1(data.Slice(pos, end));
        pos += end + 1;
        return line;
    }

    private static string Latin1(ReadOnlySpan<byte> bytes) => Encoding.Latin1.GetString(bytes);

    private static string Utf8(ReadOnlySpan<byte> bytes) => Encoding.UTF8.GetString(bytes);
}

/// <summary>A stream the disassembler cannot follow (the message says why).</summary>
internal sealed class PickleFormatException(string message) : Exception(message);

using System.Buffers.Binary;
using System.Text;

namespace ModelPackTools.Content.Pickle;

/// <summary>
/// A pickle disassembler that never executes anything: it walks the opcodes of protocols 0-5 (CPython
/// Lib/pickletools.py is the reference for every opcode and its argument), simulating the stack and memo only far
/// enough to resolve each import as the unpickler would (GLOBAL, INST, and STACK_GLOBAL whose operands must be strings
/// on the simulated stack). Fails closed: truncation, an unknown opcode, a stack underflow or data after STOP is an
/// error, never a clean result.
/// </summary>
public static class PickleDisassembler
{
    private static readonly object Other = new();
    private static readonly object Mark = new();

    /// <summary>Disassembles one complete pickle stream.</summary>
    public static PickleDisassembly Disassemble(ReadOnlySpan<byte> data)
    {
        var imports = new List<PickleImport>();
        var persistentIds = new List<PicklePersistentId>();
        var globalBuilds = new List<PickleImport>();
        var stack = new List<object>();
        var memo = new Dictionary<long, object>();
        int pos = 0;
        while (true)
        {
            int at = pos;
            if (pos >= data.Length)
            {
                return Result(imports, persistentIds, globalBuilds, "truncated: the stream ends before STOP", pos);
            }

            byte op = data[pos++];
            try
            {
                switch (op)
                {
                    case (byte)'.': // STOP
                        return pos == data.Length
                            ? Result(imports, persistentIds, globalBuilds, null, -1)
                            : Result(imports, persistentIds, globalBuilds, "data after STOP", pos);
                    case (byte)'(': stack.Add(Mark); break;
                    case (byte)'0': Pop(stack); break;
                    case (byte)'1': PopMark(stack); break;
                    case (byte)'2': stack.Add(Peek(stack)); break;
                    case (byte)'F' or (byte)'I' or (byte)'L': Line(data, ref pos); stack.Add(Other); break;
                    case (byte)'S': stack.Add(Line(data, ref pos).Trim('\'', '"')); break;
                    case (byte)'V': stack.Add(Line(data, ref pos)); break;
                    case (byte)'P': persistentIds.Add(new([Line(data, ref pos)], at)); stack.Add(Other); break;
                    case (byte)'Q': persistentIds.Add(new(Pop(stack) is PickleTuple id ? [.. id.Items.Select(i => i as string)] : [], at)); stack.Add(Other); break;
                    case (byte)'J': Take(data, ref pos, 4); stack.Add(Other); break;
                    case (byte)'K': Take(data, ref pos, 1); stack.Add(Other); break;
                    case (byte)'M': Take(data, ref pos, 2); stack.Add(Other); break;
                    case (byte)'G': Take(data, ref pos, 8); stack.Add(Other); break;
                    case (byte)'N' or 0x88 or 0x89: stack.Add(Other); break;
                    case (byte)'T': stack.Add(Latin1(Take(data, ref pos, Length4(data, ref pos)))); break;
                    case (byte)'U': stack.Add(Latin1(Take(data, ref pos, Take(data, ref pos, 1)[0]))); break;
                    case (byte)'X': stack.Add(Utf8(Take(data, ref pos, Length4(data, ref pos)))); break;
                    case 0x8c: stack.Add(Utf8(Take(data, ref pos, Take(data, ref pos, 1)[0]))); break;
                    case 0x8d: stack.Add(Utf8(Take(data, ref pos, Length8(data, ref pos)))); break;
                    case (byte)'B': Take(data, ref pos, Length4(data, ref pos)); stack.Add(Other); break;
                    case (byte)'C': Take(data, ref pos, Take(data, ref pos, 1)[0]); stack.Add(Other); break;
                    case 0x8e or 0x96: Take(data, ref pos, Length8(data, ref pos)); stack.Add(Other); break;
                    case 0x8a: Take(data, ref pos, Take(data, ref pos, 1)[0]); stack.Add(Other); break;
                    case 0x8b: Take(data, ref pos, Length4(data, ref pos)); stack.Add(Other); break;
                    case (byte)'c': // GLOBAL module\nname\n
                        imports.Add(new(Line(data, ref pos), Line(data, ref pos), at));
                        stack.Add(new GlobalRef(imports[^1]));
                        break;
                    case (byte)'i': // INST module\nname\n, then instantiates with the items above MARK
                        imports.Add(new(Line(data, ref pos), Line(data, ref pos), at));
                        PopMark(stack);
                        stack.Add(Other);
                        break;
                    case 0x93: // STACK_GLOBAL: name and module must be strings from the stack
                        object name = Pop(stack);
                        object module = Pop(stack);
                        if (module is not string m || name is not string n)
                        {
                            return Result(imports, persistentIds, globalBuilds, "STACK_GLOBAL operands are not strings on the stack", at);
                        }

                        imports.Add(new(m, n, at));
                        stack.Add(new GlobalRef(imports[^1]));
                        break;
                    case (byte)'R' or 0x81: Pop(stack); Pop(stack); stack.Add(Other); break; // REDUCE, NEWOBJ
                    case 0x92: Pop(stack); Pop(stack); Pop(stack); stack.Add(Other); break; // NEWOBJ_EX
                    case (byte)'b': // BUILD: sets the state of the object below; on a global it rewrites a class, function or module
                        Pop(stack);
                        if (Peek(stack) is GlobalRef target)
                        {
                            globalBuilds.Add(target.Import with { Offset = at });
                        }

                        break;
                    case (byte)'a': Pop(stack); Peek(stack); break; // APPEND
                    case (byte)'s': Pop(stack); Pop(stack); Peek(stack); break; // SETITEM
                    case (byte)'e' or (byte)'u' or 0x90: PopMark(stack); Peek(stack); break; // APPENDS, SETITEMS, ADDITEMS
                    case (byte)'t': stack.Add(new PickleTuple(PopMark(stack))); break;
                    case (byte)'d' or (byte)'l' or 0x91: PopMark(stack); stack.Add(Other); break;
                    case (byte)'o': PopMark(stack); stack.Add(Other); break; // OBJ: class and args above MARK
                    case (byte)'}' or (byte)']' or 0x8f: stack.Add(Other); break;
                    case 0x85 or 0x86 or 0x87: stack.Add(new PickleTuple(PopItems(stack, op - 0x84))); break; // TUPLE1-3
                    case (byte)')': stack.Add(new PickleTuple([])); break;
                    case (byte)'g': stack.Add(memo[long.Parse(Line(data, ref pos), System.Globalization.CultureInfo.InvariantCulture)]); break;
                    case (byte)'h': stack.Add(memo[Take(data, ref pos, 1)[0]]); break;
                    case (byte)'j': stack.Add(memo[Length4(data, ref pos)]); break;
                    case (byte)'p': memo[long.Parse(Line(data, ref pos), System.Globalization.CultureInfo.InvariantCulture)] = Peek(stack); break;
                    case (byte)'q': memo[Take(data, ref pos, 1)[0]] = Peek(stack); break;
                    case (byte)'r': memo[Length4(data, ref pos)] = Peek(stack); break;
                    case 0x94: memo[memo.Count] = Peek(stack); break; // MEMOIZE
                    case 0x80: Take(data, ref pos, 1); break; // PROTO
                    case 0x95: Take(data, ref pos, 8); break; // FRAME
                    case 0x82 or 0x83 or 0x84: // EXT1/2/4: an import through the copyreg extension registry
                        Take(data, ref pos, op == 0x82 ? 1 : op == 0x83 ? 2 : 4);
                        imports.Add(new("copyreg", "_extension_registry", at));
                        stack.Add(Other);
                        break;
                    case 0x97: stack.Add(Other); break; // NEXT_BUFFER
                    case 0x98: Peek(stack); break; // READONLY_BUFFER
                    default:
                        return Result(imports, persistentIds, globalBuilds, $"unknown opcode 0x{op:x2}", at);
                }
            }
            catch (PickleFormatException e)
            {
                return Result(imports, persistentIds, globalBuilds, e.Message, at);
            }
            catch (KeyNotFoundException)
            {
                return Result(imports, persistentIds, globalBuilds, "memo read of a key never stored", at);
            }
            catch (FormatException)
            {
                return Result(imports, persistentIds, globalBuilds, "malformed memo key", at);
            }
        }
    }

    private static object Pop(List<object> stack)
    {
        object top = Peek(stack);
        stack.RemoveAt(stack.Count - 1);
        return top;
    }

    private static object Peek(List<object> stack) =>
        stack.Count > 0 && stack[^1] != Mark ? stack[^1] : throw new PickleFormatException("stack underflow");

    private static PickleDisassembly Result(List<PickleImport> imports, List<PicklePersistentId> persistentIds, List<PickleImport> globalBuilds, string? error, long errorOffset) =>
        new(imports, error, errorOffset) { PersistentIds = persistentIds, GlobalBuilds = globalBuilds };

    private static List<object> PopMark(List<object> stack)
    {
        int mark = stack.LastIndexOf(Mark);
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

    /// <summary>A class, function or module an import put on the stack (not yet called).</summary>
    private sealed record GlobalRef(PickleImport Import);

    /// <summary>A tuple on the simulated stack, kept so a persistent id's fields can be read.</summary>
    private sealed record PickleTuple(List<object> Items);

    private sealed class PickleFormatException(string message) : Exception(message);
}

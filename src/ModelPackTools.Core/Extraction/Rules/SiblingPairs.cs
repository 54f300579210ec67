using ModelPackTools.Diagnostics;

namespace ModelPackTools.Extraction.Rules;

/// <summary>Finds sibling names that one folding function makes equal, and reports each such pair once.</summary>
internal static class SiblingPairs
{
    public static void Report(VirtualFileSystem tree, ExtractionContext context, DiagnosticDescriptor descriptor, Func<string, string> fold)
    {
        foreach (var directory in tree.AllNodes().Prepend(tree.Root))
        {
            if (directory.Children is not { Count: > 1 } children)
            {
                continue;
            }

            var firstByKey = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var name in children.Keys.Order(StringComparer.Ordinal))
            {
                string key;
                try
                {
                    key = fold(name);
                }
                catch (ArgumentException)
                {
                    continue; // invalid UTF-16 cannot be normalised; MPK3007 already covers it
                }

                if (!firstByKey.TryGetValue(key, out var first))
                {
                    firstByKey[key] = name;
                    continue;
                }

                // A pair that differs only in normalisation is MPK1009's to report, not also a case pair.
                if (descriptor == DiagnosticCatalog.CaseOnlyPair && IsNormalizationOnly(first, name))
                {
                    continue;
                }

                var path = directory.Parent is null ? name : directory.Path + "/" + name;
                context.Diagnostics.Add(descriptor, path, first, name);
            }
        }
    }

    private static bool IsNormalizationOnly(string a, string b)
    {
        try
        {
            return a.Normalize() == b.Normalize();
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}

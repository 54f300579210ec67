using System.Text.RegularExpressions;
using ModelPackTools.Diagnostics;

namespace ModelPackTools.Options;

// The serving container's environment, for the profile rules that read it.
public static partial class OptionValues
{
    /// <summary>
    /// NAME=VALUE pairs to the environment, null when none are given (the environment is then unknown, which is not the
    /// same as empty). Names and values are held to CreateModelPackage's EnvironmentKey and EnvironmentValue shapes, so
    /// what passes here is what the container could be given; a name given twice keeps the last value, as a shell does.
    /// </summary>
    public static bool TryParseEnvironment(IReadOnlyList<string>? pairs, out IReadOnlyDictionary<string, string>? environment, out Diagnostic? problem)
    {
        problem = null;
        environment = null;
        if (pairs is null || pairs.Count == 0)
        {
            return true;
        }

        var parsed = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in pairs)
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? pair : pair[..equals];
            if (equals < 0 || !EnvironmentKey().IsMatch(name) || name.Length > 1024)
            {
                return Fail(SettingNames.Environment, $"'{pair}' is not NAME=VALUE with a NAME of letters, digits and '_' that does not start with a digit", out problem);
            }

            if (pair.Length - equals - 1 > 1024)
            {
                return Fail(SettingNames.Environment, $"the value of {name} is longer than the 1024 characters SageMaker allows", out problem);
            }

            parsed[name] = pair[(equals + 1)..];
        }

        environment = parsed;
        return true;
    }

    [GeneratedRegex("^[a-zA-Z_][a-zA-Z0-9_]*$")]
    private static partial Regex EnvironmentKey();
}

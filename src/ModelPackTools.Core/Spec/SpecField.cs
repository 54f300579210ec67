namespace ModelPackTools.Spec;

/// <summary>The JSON type a spec key takes.</summary>
public enum SpecKind
{
    String,
    Boolean,
    StringList,
    StringMap,
    ObjectList,
}

/// <summary>One key of modelpack.json: its type, and for a list of objects, the keys of each object.</summary>
public sealed record SpecField(string Name, SpecKind Kind, string Description, IReadOnlyList<SpecField>? Fields = null, IReadOnlyList<string>? Values = null)
{
    public string Expected => this.Kind switch
    {
        SpecKind.String => "a string",
        SpecKind.Boolean => "true or false",
        SpecKind.StringList => "a list of strings",
        SpecKind.StringMap => "an object of strings",
        _ => "a list of objects",
    };
}

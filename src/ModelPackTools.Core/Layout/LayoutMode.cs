namespace ModelPackTools.Layout;

/// <summary>How files get into a layout.</summary>
public enum LayoutMode
{
    /// <summary>Hard link where the file system allows it, copy otherwise.</summary>
    Auto,

    /// <summary>Hard links only; a file that cannot be linked is an error.</summary>
    Link,

    /// <summary>Always copy, so later edits to the source cannot change the layout.</summary>
    Copy,
}

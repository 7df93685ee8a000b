namespace Lockstep.Scaffolding.Engine;

/// <summary>
/// A folder of templates that override the built-in ones by name (a repository's <c>.lockstep/templates</c>).
/// Reads only below its root: a name is checked before it becomes a path, and a file or folder that is a link
/// counts only if what it points at is below the root too.
/// </summary>
public sealed class OverrideFolder
{
    /// <param name="root">The folder.</param>
    /// <param name="displayRoot">How messages name the folder, for example <c>.lockstep/templates</c>.</param>
    public OverrideFolder(string root, string displayRoot)
    {
        Root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        DisplayRoot = displayRoot.Replace('\\', '/').TrimEnd('/');
    }

    /// <summary>The folder's absolute path.</summary>
    public string Root { get; }

    public string DisplayRoot { get; }

    /// <summary>The template's text and its path for messages, or null when the folder has no such template.</summary>
    public (string Text, string Path)? TryRead(string name)
    {
        TemplateName.Require(name, DisplayRoot);
        var path = Path.GetFullPath(Path.Combine(Root, name));
        var display = $"{DisplayRoot}/{name}";
        if (!IsBelowRoot(path) || !File.Exists(path))
        {
            return null;
        }

        RequireNoEscapingLink(path, display);
        try
        {
            return (File.ReadAllText(path).ReplaceLineEndings("\n"), display);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TemplateException(display, $"cannot read the template: {e.Message}");
        }
    }

    private bool IsBelowRoot(string path) =>
        path.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    /// <summary>The file and every folder between it and the root: a link among them must resolve below the root.</summary>
    private void RequireNoEscapingLink(string path, string display)
    {
        for (FileSystemInfo? entry = new FileInfo(path); entry is not null && entry.FullName.Length > Root.Length; entry = Parent(entry))
        {
            if (entry.LinkTarget is null)
            {
                continue;
            }

            var target = entry.ResolveLinkTarget(returnFinalTarget: true);
            if (target is null || !IsBelowRoot(Path.GetFullPath(target.FullName)))
            {
                throw new TemplateException(display, $"refused: a link points outside {DisplayRoot}");
            }
        }
    }

    private static DirectoryInfo? Parent(FileSystemInfo entry) => entry switch
    {
        FileInfo file => file.Directory,
        DirectoryInfo directory => directory.Parent,
        _ => null,
    };
}

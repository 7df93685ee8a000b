using Lockstep.Core;

namespace Lockstep.Cli.Io;

/// <summary>
/// Refuses a command whose output would overwrite one of its own inputs (or another of its outputs), before
/// anything is read or written: the same full path, also when spelt with <c>./</c> or <c>..</c> or reached
/// through a symbolic link.
/// </summary>
public static class OutputPaths
{
    private static readonly StringComparer PathComparer =
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;

    /// <param name="outputs">Each output option and its path (null when not given).</param>
    /// <param name="inputs">Each input option and its path (null when not given).</param>
    /// <exception cref="InputException">An output names an input or an earlier output.</exception>
    public static void RefuseInputs(CliContext context, IEnumerable<(string Option, string? Path)> outputs, IEnumerable<(string Option, string? Path)> inputs)
    {
        var taken = inputs.Where(i => i.Path is not null).Select(i => (i.Option, i.Path!, Role: "the input", Real: RealPath(context.Resolve(i.Path!)))).ToList();
        foreach (var (option, path) in outputs)
        {
            if (path is null)
            {
                continue;
            }

            var real = RealPath(context.Resolve(path));
            if (taken.FirstOrDefault(t => PathComparer.Equals(t.Real, real)) is { Option: not null } clash)
            {
                var same = clash.Item2 == path ? string.Empty : $" ({clash.Item2})";
                throw new InputException(path, null, null, $"{option} names the same file as {clash.Role} {clash.Option}{same}: writing it would overwrite it; choose another path");
            }

            taken.Add((option, path, "the output", real));
        }
    }

    /// <summary>The full path with every symbolic link along it followed; parts that do not exist are kept as written.</summary>
    public static string RealPath(string fullPath)
    {
        var root = Path.GetPathRoot(fullPath) ?? string.Empty;
        var current = root;
        foreach (var segment in fullPath[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            current = Path.Combine(current, segment);
            try
            {
                FileSystemInfo info = Directory.Exists(current) ? new DirectoryInfo(current) : new FileInfo(current);
                if (info.LinkTarget is not null && info.ResolveLinkTarget(returnFinalTarget: true) is { } target)
                {
                    current = Path.TrimEndingDirectorySeparator(target.FullName);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A link that cannot be followed (a loop, no permission) is compared as written.
            }
        }

        return current;
    }
}

using Lockstep.Core;

namespace Lockstep.Cli.Io;

/// <summary>
/// Writes a set of files so that none is left half-written: each goes to a temp file beside its target,
/// and only when all are written are they moved into place.
/// </summary>
public static class AtomicFiles
{
    /// <summary>The files a command was asked for: each one whose path is set, its content rendered only then.</summary>
    public static List<(string Path, string Content)> Requested(params (string? Path, Func<string> Content)[] files) =>
        files.Where(file => file.Path is not null).Select(file => (file.Path!, file.Content())).ToList();

    public static void WriteAll(IReadOnlyList<(string Path, string Content)> files, CliContext context)
    {
        var staged = new List<(string Temp, string Target, string Display)>();
        try
        {
            foreach (var (path, content) in files)
            {
                var target = context.Resolve(path);
                var directory = Path.GetDirectoryName(target)!;
                var temp = Path.Combine(directory, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
                Attempt(path, temp, target, () =>
                {
                    Directory.CreateDirectory(directory);
                    File.WriteAllText(temp, content);
                });
                staged.Add((temp, target, path));
            }

            foreach (var (temp, target, display) in staged)
            {
                Attempt(display, temp, target, () => File.Move(temp, target, overwrite: true));
            }
        }
        finally
        {
            foreach (var (temp, _, _) in staged)
            {
                File.Delete(temp);
            }
        }
    }

    /// <summary>Runs a write; a failure names the file asked for, or its directory, never the temporary file.</summary>
    private static void Attempt(string display, string temp, string target, Action write)
    {
        try
        {
            write();
        }
        catch (UnauthorizedAccessException)
        {
            var directory = Path.GetDirectoryName(display) is { Length: > 0 } parent ? parent : ".";
            throw new InputException(display, null, null, $"cannot write: permission denied in the directory {directory}");
        }
        catch (IOException e)
        {
            throw new InputException(display, null, null, $"cannot write: {e.Message.Replace(temp, target, StringComparison.Ordinal)}");
        }
    }
}

using Lockstep.Core;

namespace Lockstep.Cli.Io;

/// <summary>
/// Writes a set of files so that none is left half-written: each goes to a temp file beside its target,
/// and only when all are written are they moved into place.
/// </summary>
public static class AtomicFiles
{
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
                Attempt(path, () =>
                {
                    Directory.CreateDirectory(directory);
                    File.WriteAllText(temp, content);
                });
                staged.Add((temp, target, path));
            }

            foreach (var (temp, target, display) in staged)
            {
                Attempt(display, () => File.Move(temp, target, overwrite: true));
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

    private static void Attempt(string display, Action write)
    {
        try
        {
            write();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException(display, null, null, $"cannot write: {e.Message}");
        }
    }
}

using Lockstep.Cli.Io;
using Lockstep.Core;
using Lockstep.Core.Pinning;

namespace Lockstep.Cli.Commands;

/// <summary>Hashes the files named (directories: the files under them) and writes their pins into the data lock.</summary>
public static class DataPinRun
{
    public static int Execute(IReadOnlyList<string> paths, string? lockOption, CliContext context)
    {
        var store = new DataLockStore(lockOption, context);
        OutputPaths.RefuseInputs(context, [("the data lock (--lock)", store.FullPath)], paths.Select(p => ("<paths>", (string?)p)));
        var existing = store.Exists ? store.Read().Files : new Dictionary<string, DataPin>();
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var scopes = new List<string>();
        foreach (var path in paths)
        {
            Expand(path, store, context, files, scopes);
        }

        var pins = files.ToDictionary(f => f.Key, f => Pin(f.Key, f.Value, context), StringComparer.Ordinal);
        var removed = existing.Keys.Where(key => !pins.ContainsKey(key) && scopes.Any(scope => Within(key, scope))).ToHashSet(StringComparer.Ordinal);
        var merged = existing.Where(p => !removed.Contains(p.Key)).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        foreach (var (key, pin) in pins)
        {
            merged[key] = pin;
        }

        store.Write(new DataLockFile { Schema = DataLockFile.SchemaId, Files = merged });

        var width = pins.Keys.Select(key => key.Length).DefaultIfEmpty(0).Max();
        foreach (var (key, pin) in pins)
        {
            var change = !existing.TryGetValue(key, out var before) ? "added" : before == pin ? "unchanged" : "changed";
            context.Out.WriteLine($"{change,-9} {key.PadRight(width)}  {Sizes.Describe(pin.Size)}");
        }

        foreach (var key in removed.Order(StringComparer.Ordinal))
        {
            context.Out.WriteLine($"{"removed",-9} {key}");
        }

        context.Out.WriteLine($"wrote {store.DisplayPath}: {merged.Count} {(merged.Count == 1 ? "file" : "files")} pinned");
        return ExitCodes.Pass;
    }

    /// <summary>Adds the file, or the files under the directory, by key; a directory's key becomes a scope whose stale pins are dropped.</summary>
    private static void Expand(string path, DataLockStore store, CliContext context, SortedDictionary<string, string> files, List<string> scopes)
    {
        // 'data/' and './data/' name the directory 'data': a trailing separator is not an empty last segment.
        var fullPath = Path.TrimEndingDirectorySeparator(context.Resolve(path));
        string Key(string file) => DataLockPaths.KeyFor(store.LockDirectory, file)
            ?? throw new InputException(path, null, null, $"outside {store.LockDirectory}, where the paths of {store.DisplayPath} start (choose another lock with --lock)");

        if (File.Exists(fullPath))
        {
            files[Key(fullPath)] = fullPath;
            return;
        }

        if (!Directory.Exists(fullPath))
        {
            throw new InputException(path, null, null, "no such file or directory");
        }

        var isLockDirectory = fullPath == Path.TrimEndingDirectorySeparator(store.LockDirectory);
        scopes.Add(isLockDirectory ? string.Empty : Key(fullPath));
        foreach (var file in VisibleFiles(new DirectoryInfo(fullPath)).Where(f => f != store.FullPath))
        {
            files[Key(file)] = file;
        }
    }

    /// <summary>Every file under the directory, skipping files and directories whose names start with '.' (.git, .DS_Store).</summary>
    private static IEnumerable<string> VisibleFiles(DirectoryInfo directory) =>
        directory.EnumerateFiles().Where(f => !f.Name.StartsWith('.')).Select(f => f.FullName)
            .Concat(directory.EnumerateDirectories().Where(d => !d.Name.StartsWith('.')).SelectMany(VisibleFiles));

    private static bool Within(string key, string scope) => scope.Length == 0 || key.StartsWith(scope + "/", StringComparison.Ordinal);

    private static DataPin Pin(string key, string fullPath, CliContext context)
    {
        try
        {
            return HashProgressDisplay.Pin(key, fullPath, context);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException(key, null, null, $"cannot read: {e.Message}");
        }
    }
}

using System.Threading;
using Microsoft.CodeAnalysis;

namespace Lockstep.Analyzers.Data;

/// <summary>
/// The data paths pinned for a compilation: the paths in every <c>data.lock.json</c> and, for every <c>*.dvc</c>
/// pointer, the path beside it without <c>.dvc</c>; both only from AdditionalFiles, since analyzers may not read
/// the file system. A literal is pinned when it, or a folder it is in, ends one of these paths at a <c>/</c>.
/// </summary>
internal sealed class DataLockPins
{
    public const string LockFileName = "data.lock.json";

    private readonly ImmutableArray<string> pinned;

    private DataLockPins(ImmutableArray<string> pinned) => this.pinned = pinned;

    public static DataLockPins From(ImmutableArray<AdditionalText> files, CancellationToken cancellationToken)
    {
        var pins = ImmutableArray.CreateBuilder<string>();
        foreach (var file in files)
        {
            var path = DataPaths.Normalize(file.Path);
            var name = path.Substring(path.LastIndexOf('/') + 1);
            if (string.Equals(name, LockFileName, StringComparison.OrdinalIgnoreCase))
            {
                var directory = path.Substring(0, Math.Max(0, path.LastIndexOf('/')));
                var text = file.GetText(cancellationToken)?.ToString() ?? string.Empty;
                foreach (var entry in JsonStrings.Read(text))
                {
                    var pinnedPath = DataPaths.Normalize(entry);
                    if (pinnedPath.Length > 0)
                    {
                        pins.Add(pinnedPath);
                        pins.Add(directory + "/" + pinnedPath);
                    }
                }
            }
            else if (name.EndsWith(".dvc", StringComparison.OrdinalIgnoreCase))
            {
                pins.Add(path.Substring(0, path.Length - ".dvc".Length));
            }
        }

        return new DataLockPins(pins.ToImmutable());
    }

    public bool IsPinned(string literalPath)
    {
        var path = DataPaths.Normalize(literalPath);
        for (var candidate = path; candidate.Length > 0; candidate = Parent(candidate))
        {
            foreach (var pin in pinned)
            {
                if (EndsAtSegment(pin, candidate) || EndsAtSegment(candidate, pin))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static string Parent(string path)
    {
        var slash = path.LastIndexOf('/');
        return slash <= 0 ? string.Empty : path.Substring(0, slash);
    }

    private static bool EndsAtSegment(string path, string end) =>
        path.EndsWith(end, StringComparison.Ordinal) && (path.Length == end.Length || path[path.Length - end.Length - 1] == '/');
}

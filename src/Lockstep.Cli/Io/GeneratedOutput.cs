using Lockstep.Core;
using Lockstep.Scaffolding;
using Lockstep.Scaffolding.Engine;

namespace Lockstep.Cli.Io;

/// <summary>
/// Writes rendered files under a root folder: keeps their lockstep:keep regions, refuses (all of them, before writing
/// any) when one was edited since Lockstep generated it unless forced, records the digests in the root's
/// <c>.lockstep/generated.json</c>, and prints one line per file.
/// </summary>
public static class GeneratedOutput
{
    /// <summary>The templates for a run: the built-in ones, overridden by the working directory's .lockstep/templates.</summary>
    public static Scaffolder ScaffolderFor(CliContext context)
    {
        var overrides = context.Resolve(".lockstep/templates");
        return new Scaffolder(Directory.Exists(overrides) ? new TemplateLibrary(new OverrideFolder(overrides, ".lockstep/templates")) : TemplateLibrary.BuiltIn);
    }

    /// <param name="root">The folder the files' paths are relative to, and whose manifest records them.</param>
    public static int Write(string root, IReadOnlyList<GeneratedFile> files, bool force, CliContext context)
    {
        var manifestPath = Path.Combine(root, GeneratedManifest.RelativePath);
        var recorded = ReadIfExists(manifestPath, context);
        var manifest = recorded is null ? GeneratedManifest.Empty() : GeneratedManifest.Parse(recorded, Display(manifestPath));

        var plan = WritePlan.For(files, path => ReadIfExists(Path.Combine(root, path), context), manifest, force);
        var refused = plan.Where(p => p.Kind == WriteKind.Refuse).ToList();
        if (refused.Count > 0)
        {
            var first = refused[0];
            var others = refused.Count > 1 ? $" (and {refused.Count - 1} more)" : string.Empty;
            throw new InputException(Display(Path.Combine(root, first.Path)), null, null, $"{first.Reason}; nothing was written{others}: give --force to overwrite");
        }

        foreach (var write in plan)
        {
            manifest.Record(write.Path, write.Content);
        }

        var changed = plan.Where(p => p.Kind is WriteKind.Create or WriteKind.Update)
            .Select(p => (Path.Combine(root, p.Path), p.Content))
            .ToList();
        if (manifest.Serialize() is var serialized && serialized != recorded)
        {
            changed.Add((manifestPath, serialized));
        }

        AtomicFiles.WriteAll(changed, context);

        foreach (var write in plan)
        {
            var verb = write.Kind switch
            {
                WriteKind.Create => "created",
                WriteKind.Update => "updated",
                _ => "unchanged",
            };
            context.Out.WriteLine($"{verb} {Display(Path.Combine(root, write.Path))}");
        }

        return ExitCodes.Pass;
    }

    private static string? ReadIfExists(string path, CliContext context) =>
        File.Exists(context.Resolve(path)) ? InputFile.Read(path, context).Text : null;

    private static string Display(string path)
    {
        var display = path.Replace('\\', '/');
        return display.StartsWith("./", StringComparison.Ordinal) ? display[2..] : display;
    }
}

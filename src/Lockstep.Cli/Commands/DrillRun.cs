using System.Globalization;
using Lockstep.Cli.Io;
using Lockstep.Core;
using Lockstep.Core.Dora;
using Lockstep.Core.Reporting;

namespace Lockstep.Cli.Commands;

/// <summary>
/// Starts and ends drills in an events file. The whole file is read and checked first, and the changed file is
/// checked again before it replaces the old one, so a drill never leaves an events file that <c>lockstep dora</c> rejects.
/// </summary>
public static class DrillRun
{
    public static int Start(DrillSettings settings, Lane lane, CliContext context)
    {
        Open(settings, lane, context);
        return ExitCodes.Pass;
    }

    /// <summary>Refuses a start that would fail (a bad file, an open drill of the scenario in the lane), writing nothing.</summary>
    public static List<string> CheckCanStart(DrillSettings settings, Lane lane, CliContext context)
    {
        var lines = ReadLines(settings.EventsPath, context);
        var events = EventsReader.Read(lines, settings.EventsPath);
        if (events.OfType<Incident>().FirstOrDefault(i => i.Drill == settings.Scenario && i.Lane == lane && i.ResolvedAt is null) is { } open)
        {
            throw new InputException(settings.EventsPath, open.Line, "drill", $"the {settings.Scenario} drill '{open.Id}' is still open: end it with lockstep drill end");
        }

        return lines;
    }

    /// <summary>Appends an open drill and returns it.</summary>
    public static Incident Open(DrillSettings settings, Lane lane, CliContext context)
    {
        var lines = CheckCanStart(settings, lane, context);
        var drill = new Incident
        {
            Lane = lane,
            Id = settings.Id ?? $"drill-{settings.Scenario}-{settings.At.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}",
            OpenedAt = settings.At,
            Drill = settings.Scenario,
        };
        Write(settings.EventsPath, [.. lines, EventsWriter.Line(drill)], context);
        context.Out.WriteLine($"started the {settings.Scenario} drill '{drill.Id}' ({Name(lane)} lane) at {Time(settings.At)}");
        context.Out.WriteLine($"wrote {settings.EventsPath}");
        return drill;
    }

    public static int End(DrillSettings settings, CliContext context)
    {
        var lines = ReadLines(settings.EventsPath, context);
        var open = EventsReader.Read(lines, settings.EventsPath).OfType<Incident>()
            .Where(i => i.Drill == settings.Scenario && i.ResolvedAt is null && (settings.Id is null || i.Id == settings.Id))
            .ToList();
        var drill = open.Count switch
        {
            0 => throw new InputException(settings.EventsPath, null, "drill", $"no open {settings.Scenario} drill{(settings.Id is null ? string.Empty : $" with id '{settings.Id}'")} to end: start one with lockstep drill start"),
            1 => open[0],
            _ => throw new InputException(settings.EventsPath, open[1].Line, "drill", $"{open.Count} {settings.Scenario} drills are open ({string.Join(", ", open.Select(i => i.Id))}): choose one with --id"),
        };
        if (settings.At < drill.OpenedAt)
        {
            throw new InputException("--at", null, null, $"{Time(settings.At)} is before the drill '{drill.Id}' started ({Time(drill.OpenedAt)})");
        }

        var changed = lines.ToList();
        changed[drill.Line - 1] = EventsWriter.Line(drill with { ResolvedAt = settings.At });
        Write(settings.EventsPath, changed, context);
        context.Out.WriteLine($"ended the {settings.Scenario} drill '{drill.Id}' ({Name(drill.Lane)} lane): restored in {Durations.Format((settings.At - drill.OpenedAt).TotalHours)}");
        context.Out.WriteLine($"wrote {settings.EventsPath}");
        return ExitCodes.Pass;
    }

    /// <summary>The file's lines as the events reader numbers them, without the empty one after a final newline; none when the file does not exist yet.</summary>
    private static List<string> ReadLines(string path, CliContext context)
    {
        var fullPath = context.Resolve(path);
        if (Directory.Exists(fullPath))
        {
            throw new InputException(path, null, null, "is a directory, expected a file");
        }

        if (!File.Exists(fullPath))
        {
            return [];
        }

        var lines = InputFile.Read(path, context).Text.Split('\n').ToList();
        if (lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        return lines;
    }

    private static void Write(string path, IReadOnlyList<string> lines, CliContext context)
    {
        EventsReader.Read(lines, path);
        AtomicFiles.WriteAll([(path, string.Join('\n', lines) + "\n")], context);
    }

    private static string Name(Lane lane) => lane == Lane.Code ? "code" : "model";

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + "Z";
}

using Lockstep.Cli.Io;
using Lockstep.Core;
using Lockstep.Core.Dora;
using Lockstep.Core.Policy;
using Lockstep.Core.Reporting;
using Lockstep.History;

namespace Lockstep.Cli.Commands;

/// <summary>Reads the events (and the policy's dora: section), computes both lanes, prints and writes the report.</summary>
public static class DoraRun
{
    public static int Execute(DoraRunSettings settings, CliContext context)
    {
        OutputPaths.RefuseInputs(
            context,
            [("--json", settings.JsonPath), ("--markdown", settings.MarkdownPath)],
            [("--events", settings.EventsPath), ("--history", settings.HistoryPath), ("--policy", settings.PolicyPath)]);
        var dora = new DoraSettings();
        if (settings.PolicyPath is { } policyPath)
        {
            var policyFile = InputFile.Read(policyPath, context);
            dora = PolicyReader.ReadDora(policyFile.Text, policyFile.DisplayPath);
        }

        var horizon = DoraCalculator.HorizonStart(dora, settings.AsOf);
        var log = settings.HistoryPath is { } history
            ? ReadHistoryEvents(history, context, horizon)
            : ReadEvents(settings.EventsPath ?? throw new ArgumentException("no events file or history folder", nameof(settings)), context, horizon);
        var report = DoraCalculator.Calculate(log.Events, dora, settings.AsOf, log.EarlierHistoryDropped);

        var outputs = AtomicFiles.Requested(
            (settings.JsonPath, () => DoraReportJson.Serialize(report) + "\n"),
            (settings.MarkdownPath, () => DoraMarkdown.Render(report)));

        AtomicFiles.WriteAll(outputs, context);
        context.Out.Write(DoraConsoleTable.Render(report));
        foreach (var (path, _) in outputs)
        {
            context.Out.WriteLine($"wrote {path}");
        }

        return ExitCodes.Pass;
    }

    /// <summary>
    /// The history's delivery events (rebuilt by the events reader) cut at the same horizon as an events file, so the
    /// report is the one the events file would give.
    /// </summary>
    public static EventLog ReadHistoryEvents(string historyPath, CliContext context, DateTimeOffset? keepFrom)
    {
        var snapshot = HistoryReader.ReadAsync(HistoryFolder.Resolve(historyPath, context), null, null, context.Interrupted).GetAwaiter().GetResult();
        return EventLog.Since(snapshot.Events, keepFrom);
    }

    /// <summary>Streams the events file block by block, parsing each block's lines in parallel (it can hold millions of events).</summary>
    public static EventLog ReadEvents(string path, CliContext context, DateTimeOffset? keepFrom = null)
    {
        var fullPath = context.Resolve(path);
        if (!File.Exists(fullPath))
        {
            throw new InputException(path, null, null, Directory.Exists(fullPath) ? "is a directory, expected a file" : "file not found");
        }

        EventLog log;
        long bytes;
        try
        {
            using var stream = new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            bytes = stream.Length;
            log = EventsReader.Read(stream, path, keepFrom);
        }
        catch (IOException e)
        {
            throw new InputException(path, null, null, $"cannot read: {e.Message}");
        }

        if (context.ErrorIsTerminal || bytes > 1 << 20)
        {
            context.Error.WriteLine($"read {path}: {log.Events.Count:N0} events kept of {bytes / 1e6:0.0} MB");
        }

        return log;
    }
}

using Lockstep.Cli.Io;
using Lockstep.Core;
using Lockstep.Core.Dora;
using Lockstep.Core.Policy;

namespace Lockstep.Cli.Commands;

/// <summary>Reads the events (and the policy's dora: section), computes both lanes, prints and writes the report.</summary>
public static class DoraRun
{
    public static int Execute(DoraRunSettings settings, CliContext context)
    {
        var dora = new DoraSettings();
        if (settings.PolicyPath is { } policyPath)
        {
            var policyFile = InputFile.Read(policyPath, context);
            dora = PolicyReader.Parse(policyFile.Text, policyFile.DisplayPath).Dora;
        }

        var events = ReadEvents(settings.EventsPath, context);
        var report = DoraCalculator.Calculate(events, dora, settings.AsOf);

        var outputs = new List<(string, string)>();
        if (settings.JsonPath is { } json)
        {
            outputs.Add((json, DoraReportJson.Serialize(report) + "\n"));
        }

        AtomicFiles.WriteAll(outputs, context);
        context.Out.Write(DoraConsoleTable.Render(report));
        foreach (var (path, _) in outputs)
        {
            context.Out.WriteLine($"wrote {path}");
        }

        return ExitCodes.Pass;
    }

    /// <summary>Streams the events file line by line (it can hold millions of events).</summary>
    public static List<DeliveryEvent> ReadEvents(string path, CliContext context)
    {
        var fullPath = context.Resolve(path);
        if (!File.Exists(fullPath))
        {
            throw new InputException(path, null, null, Directory.Exists(fullPath) ? "is a directory, expected a file" : "file not found");
        }

        return EventsReader.Read(File.ReadLines(fullPath), path);
    }
}

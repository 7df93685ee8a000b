using Lockstep.Cli.Io;
using Lockstep.Core.Contracts;
using Lockstep.Core.Drift;

namespace Lockstep.Cli.Commands;

/// <summary>Computes the drift report and writes it, in markdown too when asked, and into a report card.</summary>
public static class DriftRun
{
    public static async Task<int> ExecuteAsync(DriftSettingsInput settings, CliContext context, CancellationToken cancellationToken)
    {
        OutputPaths.RefuseInputs(
            context,
            [("--out", settings.OutPath), ("--markdown", settings.MarkdownPath), ("--into", settings.IntoPath)],
            [.. settings.Data.Files]);
        var report = await DriftComputation.ComputeAsync(settings.Data, context, cancellationToken).ConfigureAwait(false);

        var outputs = new List<(string, string)> { (settings.OutPath, DriftReportJson.Serialize(report) + "\n") };
        if (settings.MarkdownPath is { } markdownPath)
        {
            outputs.Add((markdownPath, DriftMarkdown.Render(report)));
        }

        if (settings.IntoPath is { } intoPath)
        {
            var file = InputFile.Read(intoPath, context);
            var card = ReportCardReader.Parse(file.Text, file.DisplayPath);
            card = ReportCardEditor.WithMetrics(card, report.Metrics);
            card = ReportCardEditor.WithFeatures(card, report.Features.ToDictionary(f => f.Feature, f => f.Current, StringComparer.Ordinal));
            outputs.Add((intoPath, ReportCardReader.Serialize(card) + "\n"));
        }

        AtomicFiles.WriteAll(outputs, context);
        context.Out.Write(DriftConsoleTable.Render(report));
        foreach (var (path, _) in outputs)
        {
            context.Out.WriteLine($"wrote {path}");
        }

        return ExitCodes.Pass;
    }
}

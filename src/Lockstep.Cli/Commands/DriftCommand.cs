using System.CommandLine;

namespace Lockstep.Cli.Commands;

/// <summary><c>lockstep drift</c>: how far the current data moved from the reference, feature by feature.</summary>
public static class DriftCommand
{
    public static readonly Option<string> Out = new("--out", "-o") { Description = "Write the drift report (lockstep.drift/v1) here.", Required = true, HelpName = "file" };

    public static readonly Option<string?> Into = new("--into") { Description = "Also add the drift metrics and the current data's feature profiles to this report card.", HelpName = "file" };

    public static readonly Option<string?> Markdown = new("--markdown", "-m") { Description = "Write a markdown drift report (table and PSI chart) here.", HelpName = "file" };

    public static Command Create(Func<CliContext> context)
    {
        var command = new Command("drift", """
            Compare current data with reference data, feature by feature: PSI with its p-value under no shift and the
            smallest PSI the row counts can detect (chi-square approximation, level 0.95; a drifted feature whose PSI
            is not significant is marked "too few rows"), two-sample KS statistic and p-value (as scipy ks_2samp),
            Wasserstein distance normalised by the reference's standard deviation and, for categories, Jensen–Shannon
            distance; plus the change in missing values. Writes the summary metrics a gate reads (drift.psi.max,
            drift.psi.<feature>, drift.share_drifted, drift.psi_p_value.<feature>, drift.psi_min_detectable.<feature>)
            and both sides' feature profiles.

            Examples:
              lockstep drift --reference train.csv --current serving.csv --out drift.json
              lockstep drift --reference ref.parquet --current cur.parquet --binning quantile --bins 10 --out drift.json --into candidate.json
              lockstep drift --reference big-ref.parquet --current big-cur.parquet --engine duckdb --out drift.json
              lockstep drift --reference-sql training_rows --current-sql serving_log --time-column served_at \
                --reference-window 2026-10-01/2026-11-01 --current-window P1D --connection env:SERVING_DB --out drift.json
            """);
        var data = new DriftDataOptions();
        data.AddTo(command);
        command.Options.Add(Out);
        command.Options.Add(Into);
        command.Options.Add(Markdown);

        command.SetAction((parseResult, cancellationToken) =>
        {
            var settings = new DriftSettingsInput(data.Read(parseResult), parseResult.GetValue(Out)!, parseResult.GetValue(Into), parseResult.GetValue(Markdown));
            return DriftRun.ExecuteAsync(settings, context(), cancellationToken);
        });
        return command;
    }
}

public sealed record DriftSettingsInput(DriftInputs Data, string OutPath, string? IntoPath, string? MarkdownPath);

using System.CommandLine;
using Lockstep.Core;
using Lockstep.Core.Drift;
using Lockstep.Core.Metrics;

namespace Lockstep.Cli.Commands;

/// <summary><c>lockstep drift</c>: how far the current data moved from the reference, feature by feature.</summary>
public static class DriftCommand
{
    public static readonly Option<string> Reference = new("--reference") { Description = "Reference data (training or production snapshot): CSV or Parquet.", Required = true, HelpName = "file" };

    public static readonly Option<string> Current = new("--current") { Description = "Current data to compare: CSV or Parquet, with the same columns.", Required = true, HelpName = "file" };

    public static readonly Option<string[]> Columns = new("--columns") { Description = "Features to compare (comma-separated or repeated; default: every column of the reference).", HelpName = "names" };

    public static readonly Option<string[]> Categorical = new("--categorical") { Description = "Treat these columns as categories even when their values are numbers.", HelpName = "names" };

    public static readonly Option<string> Binning = new("--binning") { Description = "PSI bins for numeric features: evidently (Sturges bins; by value when ≤ 20 distinct) or quantile (reference quantiles).", DefaultValueFactory = _ => "evidently" };

    public static readonly Option<int> Bins = new("--bins") { Description = "Number of bins in quantile mode.", DefaultValueFactory = _ => 10 };

    public static readonly Option<string> EmptyBins = new("--empty-bins") { Description = "Share given to an empty bin: evidently (m·1e-6 when the smallest share m ≤ 1e-4, else 1e-4) or epsilon (1e-4).", DefaultValueFactory = _ => "evidently" };

    public static readonly Option<double> PsiThreshold = new("--psi-threshold") { Description = "A feature counts as drifted when its PSI reaches this.", DefaultValueFactory = _ => 0.1 };

    public static readonly Option<string> Out = new("--out", "-o") { Description = "Write the drift report (lockstep.drift/v1) here.", Required = true, HelpName = "file" };

    public static readonly Option<string?> Into = new("--into") { Description = "Also add the drift metrics and the current data's feature profiles to this report card.", HelpName = "file" };

    public static readonly Option<string?> Markdown = new("--markdown", "-m") { Description = "Write a markdown drift report (table and PSI chart) here.", HelpName = "file" };

    public static readonly Option<char?> Delimiter = CommonOptions.Delimiter();

    static DriftCommand()
    {
        Binning.AcceptOnlyFromAmong("evidently", "quantile");
        EmptyBins.AcceptOnlyFromAmong("evidently", "epsilon");
        Bins.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 2)
            {
                result.AddError("--bins must be at least 2");
            }
        });
        PsiThreshold.Validators.Add(result =>
        {
            var threshold = result.GetValueOrDefault<double>();
            if (!double.IsFinite(threshold) || threshold < 0)
            {
                result.AddError($"--psi-threshold must be a number of 0 or more (PSI is never negative), got {Numbers.Format(threshold)}");
            }
        });
    }

    public static Command Create(Func<CliContext> context)
    {
        var command = new Command("drift", """
            Compare current data with reference data, feature by feature: PSI, two-sample KS statistic and p-value
            (as scipy ks_2samp), Wasserstein distance normalised by the reference's standard deviation and, for
            categories, Jensen–Shannon distance; plus the change in missing values. Writes the summary metrics a gate
            reads (drift.psi.max, drift.psi.<feature>, drift.share_drifted) and both sides' feature profiles.

            Examples:
              lockstep drift --reference train.csv --current serving.csv --out drift.json
              lockstep drift --reference ref.parquet --current cur.parquet --binning quantile --bins 10 --out drift.json --into candidate.json
            """)
        {
            Reference, Current, Columns, Categorical, Binning, Bins, EmptyBins, PsiThreshold, Out, Into, Markdown, Delimiter,
        };

        command.SetAction((parseResult, cancellationToken) =>
        {
            var options = new DriftOptions
            {
                Binning = parseResult.GetValue(Binning) == "quantile" ? BinningMode.Quantile : BinningMode.Evidently,
                Bins = parseResult.GetValue(Bins),
                EmptyBins = parseResult.GetValue(EmptyBins) == "epsilon" ? EmptyBinRule.Epsilon : EmptyBinRule.Evidently,
                PsiThreshold = parseResult.GetValue(PsiThreshold),
            };
            var settings = new DriftSettingsInput(
                parseResult.GetValue(Reference)!,
                parseResult.GetValue(Current)!,
                SplitNames(parseResult.GetValue(Columns)),
                SplitNames(parseResult.GetValue(Categorical)),
                options,
                parseResult.GetValue(Out)!,
                parseResult.GetValue(Into),
                parseResult.GetValue(Markdown),
                parseResult.GetValue(Delimiter));
            return DriftRun.ExecuteAsync(settings, context(), cancellationToken);
        });
        return command;
    }

    private static string[] SplitNames(string[]? values) =>
        (values ?? []).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct().ToArray();
}

public sealed record DriftSettingsInput(
    string ReferencePath,
    string CurrentPath,
    IReadOnlyList<string> Columns,
    IReadOnlyList<string> Categorical,
    DriftOptions Options,
    string OutPath,
    string? IntoPath,
    string? MarkdownPath,
    char? Delimiter);

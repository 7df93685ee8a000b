using System.CommandLine;
using Lockstep.Core;
using Lockstep.Core.Drift;
using Lockstep.Core.Metrics;

namespace Lockstep.Cli.Commands;

/// <summary>
/// The options that say which data a drift comparison reads and how it bins it, shared by <c>lockstep drift</c> and
/// <c>lockstep monitor</c>: one instance per command, since an option belongs to the command it is added to.
/// </summary>
public sealed class DriftDataOptions
{
    public Option<string> Reference { get; } = new("--reference") { Description = "Reference data (training or production snapshot): CSV or Parquet.", Required = true, HelpName = "file" };

    public Option<string> Current { get; } = new("--current") { Description = "Current data to compare: CSV or Parquet, with the same columns.", Required = true, HelpName = "file" };

    public Option<string[]> Columns { get; } = new("--columns") { Description = "Features to compare (comma-separated or repeated; default: every column of the reference).", HelpName = "names" };

    public Option<string[]> Categorical { get; } = new("--categorical") { Description = "Treat these columns as categories even when their values are numbers.", HelpName = "names" };

    public Option<string> Binning { get; } = new("--binning") { Description = "PSI bins for numeric features: evidently (Sturges bins; by value when ≤ 20 distinct) or quantile (reference quantiles).", DefaultValueFactory = _ => "evidently" };

    public Option<int> Bins { get; } = new("--bins") { Description = "Number of bins in quantile mode.", DefaultValueFactory = _ => 10 };

    public Option<string> EmptyBins { get; } = new("--empty-bins") { Description = "Share given to an empty bin: evidently (m·1e-6 when the smallest share m ≤ 1e-4, else 1e-4) or epsilon (1e-4).", DefaultValueFactory = _ => "evidently" };

    public Option<double> PsiThreshold { get; } = new("--psi-threshold") { Description = "A feature counts as drifted when its PSI reaches this.", DefaultValueFactory = _ => 0.1 };

    public Option<char?> Delimiter { get; } = CommonOptions.Delimiter();

    public DriftDataOptions()
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

    /// <summary>Adds every option to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        foreach (var option in new Option[] { Reference, Current, Columns, Categorical, Binning, Bins, EmptyBins, PsiThreshold, Delimiter })
        {
            command.Options.Add(option);
        }
    }

    /// <param name="excluded">Columns that are not features (a label, a score, a timestamp): left out of the default "every column".</param>
    public DriftInputs Read(ParseResult parseResult, IReadOnlyList<string>? excluded = null)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        var options = new DriftOptions
        {
            Binning = parseResult.GetValue(Binning) == "quantile" ? BinningMode.Quantile : BinningMode.Evidently,
            Bins = parseResult.GetValue(Bins),
            EmptyBins = parseResult.GetValue(EmptyBins) == "epsilon" ? EmptyBinRule.Epsilon : EmptyBinRule.Evidently,
            PsiThreshold = parseResult.GetValue(PsiThreshold),
        };
        return new DriftInputs(
            parseResult.GetValue(Reference)!,
            parseResult.GetValue(Current)!,
            SplitNames(parseResult.GetValue(Columns)),
            SplitNames(parseResult.GetValue(Categorical)),
            excluded ?? [],
            options,
            parseResult.GetValue(Delimiter));
    }

    private static string[] SplitNames(string[]? values) =>
        (values ?? []).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct().ToArray();
}

/// <summary>What a drift comparison reads: both data sets, the features, and how they are binned.</summary>
/// <param name="Excluded">Columns left out when <paramref name="Columns"/> is empty (every column of the reference).</param>
public sealed record DriftInputs(
    string ReferencePath,
    string CurrentPath,
    IReadOnlyList<string> Columns,
    IReadOnlyList<string> Categorical,
    IReadOnlyList<string> Excluded,
    DriftOptions Options,
    char? Delimiter);

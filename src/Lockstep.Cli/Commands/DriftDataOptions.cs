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
    public Option<string> Reference { get; } = new("--reference") { Description = "Reference data (training or production snapshot): CSV or Parquet. Or --reference-sql.", HelpName = "file" };

    public Option<string> Current { get; } = new("--current") { Description = "Current data to compare: CSV or Parquet, with the same columns. Or --current-sql.", HelpName = "file" };

    public Option<string> Engine { get; } = new("--engine") { Description = "How --reference/--current files are read: memory (into memory; fastest) or duckdb (by embedded DuckDB where they lie, out of core: for files larger than memory).", DefaultValueFactory = _ => "memory" };

    public Option<string?> ReferenceSql { get; } = new("--reference-sql") { Description = "Reference rows in a database (see --connection): a query, or a table name (with --time-column and --reference-window). Only bins and counts leave the database.", HelpName = "query|table" };

    public Option<string?> CurrentSql { get; } = new("--current-sql") { Description = "Current rows in the same database: a query, or a table name (with --time-column and --current-window).", HelpName = "query|table" };

    public Option<string?> Connection { get; } = new("--connection") { Description = $"The database of --reference-sql/--current-sql: a PostgreSQL URI or connection string, or a DuckDB file; env:NAME reads it from that environment variable (default: {ConnectionVariable}).", HelpName = "connection" };

    public Option<string?> TimeColumn { get; } = new("--time-column") { Description = "With table names: the timestamp column the windows select rows on.", HelpName = "column" };

    public Option<string?> ReferenceWindow { get; } = new("--reference-window") { Description = "With --time-column: the reference rows' window, start/end (UTC, end excluded) or a duration ending now (P28D).", HelpName = "window" };

    public Option<string?> CurrentWindow { get; } = new("--current-window") { Description = "With --time-column: the current rows' window, start/end (UTC, end excluded) or a duration ending now (P1D).", HelpName = "window" };

    public Option<string> MemoryLimit { get; } = new("--memory-limit") { Description = "DuckDB's memory limit (--engine duckdb, or a DuckDB --connection); beyond it DuckDB spills to a temporary directory.", DefaultValueFactory = _ => "1GB", HelpName = "size" };

    public Option<string[]> Columns { get; } = new("--columns") { Description = "Features to compare (comma-separated or repeated; default: every column of the reference).", HelpName = "names" };

    public Option<string[]> Categorical { get; } = new("--categorical") { Description = "Treat these columns as categories even when their values are numbers.", HelpName = "names" };

    public Option<string> Binning { get; } = new("--binning") { Description = "PSI bins for numeric features: evidently (Sturges bins; by value when ≤ 20 distinct) or quantile (reference quantiles).", DefaultValueFactory = _ => "evidently" };

    public Option<int> Bins { get; } = new("--bins") { Description = "Number of bins in quantile mode.", DefaultValueFactory = _ => 10 };

    public Option<string> EmptyBins { get; } = new("--empty-bins") { Description = "Share given to an empty bin: evidently (m·1e-6 when the smallest share m ≤ 1e-4, else 1e-4) or epsilon (1e-4).", DefaultValueFactory = _ => "evidently" };

    public Option<double> PsiThreshold { get; } = new("--psi-threshold") { Description = "A feature counts as drifted when its PSI reaches this.", DefaultValueFactory = _ => 0.1 };

    public Option<char?> Delimiter { get; } = CommonOptions.Delimiter();

    /// <summary>The environment variable that holds the connection when <c>--connection</c> is not given.</summary>
    public const string ConnectionVariable = "LOCKSTEP_CONNECTION";

    public DriftDataOptions()
    {
        Engine.AcceptOnlyFromAmong("memory", "duckdb");
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
        foreach (var option in new Option[]
        {
            Reference, Current, Engine, ReferenceSql, CurrentSql, Connection, TimeColumn, ReferenceWindow, CurrentWindow, MemoryLimit,
            Columns, Categorical, Binning, Bins, EmptyBins, PsiThreshold, Delimiter,
        })
        {
            command.Options.Add(option);
        }

        command.Validators.Add(result =>
        {
            foreach (var problem in DriftSourceRules.Problems(result.GetResult(Reference) is not null, result.GetResult(Current) is not null, result.GetValue(ReferenceSql), result.GetValue(CurrentSql), result.GetValue(TimeColumn), result.GetValue(ReferenceWindow), result.GetValue(CurrentWindow), result.GetResult(Engine) is { Implicit: false }))
            {
                result.AddError(problem);
            }
        });
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
            parseResult.GetValue(Reference) ?? string.Empty,
            parseResult.GetValue(Current) ?? string.Empty,
            SplitNames(parseResult.GetValue(Columns)),
            SplitNames(parseResult.GetValue(Categorical)),
            excluded ?? [],
            options,
            parseResult.GetValue(Delimiter))
        {
            Engine = parseResult.GetValue(Engine) == "duckdb" ? DriftEngine.DuckDb : DriftEngine.Memory,
            ReferenceSql = parseResult.GetValue(ReferenceSql),
            CurrentSql = parseResult.GetValue(CurrentSql),
            Connection = parseResult.GetValue(Connection),
            TimeColumn = parseResult.GetValue(TimeColumn),
            ReferenceWindow = parseResult.GetValue(ReferenceWindow),
            CurrentWindow = parseResult.GetValue(CurrentWindow),
            MemoryLimit = parseResult.GetValue(MemoryLimit) ?? "1GB",
        };
    }

    private static string[] SplitNames(string[]? values) =>
        (values ?? []).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct().ToArray();
}

/// <summary>What a drift comparison reads: both data sets, the features, and how they are binned.</summary>
/// <param name="ReferencePath">The reference file; empty when the reference is in a database (<see cref="ReferenceSql"/>).</param>
/// <param name="CurrentPath">The current file; empty when the current data is in a database (<see cref="CurrentSql"/>).</param>
/// <param name="Excluded">Columns left out when <paramref name="Columns"/> is empty (every column of the reference).</param>
public sealed record DriftInputs(
    string ReferencePath,
    string CurrentPath,
    IReadOnlyList<string> Columns,
    IReadOnlyList<string> Categorical,
    IReadOnlyList<string> Excluded,
    DriftOptions Options,
    char? Delimiter)
{
    /// <summary>How the files are read (the SQL forms run in their database whatever this says).</summary>
    public DriftEngine Engine { get; init; } = DriftEngine.Memory;

    /// <summary>A query or a table name; with <see cref="CurrentSql"/>, both sides are in the database of <see cref="Connection"/>.</summary>
    public string? ReferenceSql { get; init; }

    public string? CurrentSql { get; init; }

    /// <summary>As given: a connection, a DuckDB file, or <c>env:NAME</c>; null reads <see cref="DriftDataOptions.ConnectionVariable"/>.</summary>
    public string? Connection { get; init; }

    public string? TimeColumn { get; init; }

    public string? ReferenceWindow { get; init; }

    public string? CurrentWindow { get; init; }

    /// <summary>DuckDB's memory limit, in its size syntax (<c>1GB</c>).</summary>
    public string MemoryLimit { get; init; } = "1GB";

    /// <summary>Both sides are in a database.</summary>
    public bool IsSql => ReferenceSql is not null && CurrentSql is not null;

    /// <summary>The data files by option, for the check that no output overwrites them; a side in a database has none.</summary>
    public IReadOnlyList<(string Option, string? Path)> Files =>
        [("--reference", ReferencePath.Length == 0 ? null : ReferencePath), ("--current", CurrentPath.Length == 0 ? null : CurrentPath)];
}

/// <summary>How <c>--reference</c> and <c>--current</c> files are read.</summary>
public enum DriftEngine
{
    /// <summary>Into memory, column by column: the fastest, while both files fit.</summary>
    Memory,

    /// <summary>By embedded DuckDB where the files lie, with a memory limit beyond which it spills to disk.</summary>
    DuckDb,
}

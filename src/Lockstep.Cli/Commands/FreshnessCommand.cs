using System.CommandLine;

namespace Lockstep.Cli.Commands;

/// <summary><c>lockstep freshness</c>: how old each feature's newest value is.</summary>
public static class FreshnessCommand
{
    public static readonly Option<string> Data = new("--data") { Description = "Feature snapshot: CSV or Parquet.", Required = true, HelpName = "file" };

    public static readonly Option<string[]> Timestamp = new("--timestamp")
    {
        Description = "Timestamp column (repeatable). Each gives freshness.<column>_hours, unless --feature-column names the features.",
        Required = true,
        HelpName = "column",
    };

    public static readonly Option<string?> FeatureColumn = new("--feature-column")
    {
        Description = "Long format: the column naming each row's feature; freshness.<feature>_hours uses that feature's newest timestamp.",
        HelpName = "column",
    };

    public static readonly Option<DateTimeOffset?> AsOf = new("--as-of")
    {
        Description = "The time to measure age against, ISO 8601 (default: now, UTC).",
        HelpName = "time",
        CustomParser = TimeParsing.Parse,
    };

    public static readonly Option<string> Out = new("--out", "-o") { Description = "Write the freshness report (lockstep.freshness/v1) here.", Required = true, HelpName = "file" };

    public static readonly Option<string?> Into = new("--into") { Description = "Also add the freshness metrics to this report card.", HelpName = "file" };

    public static readonly Option<char?> Delimiter = CommonOptions.Delimiter();

    public static Command Create(Func<CliContext> context)
    {
        var command = new Command("freshness", """
            Measure feature freshness: the age, in hours at --as-of, of the newest timestamp of each feature.
            Writes freshness.<feature>_hours and freshness.max_hours for a gate to bound.

            Examples:
              lockstep freshness --data features.csv --timestamp updated_at --out freshness.json
              lockstep freshness --data feature_log.parquet --feature-column feature --timestamp event_time --as-of 2026-11-26T06:00:00Z --out freshness.json --into candidate.json
            """)
        {
            Data, Timestamp, FeatureColumn, AsOf, Out, Into, Delimiter,
        };

        command.Validators.Add(result =>
        {
            if (result.GetValue(FeatureColumn) is not null && result.GetValue(Timestamp) is { Length: > 1 })
            {
                result.AddError("with --feature-column, give exactly one --timestamp column");
            }
        });

        command.SetAction((parseResult, cancellationToken) =>
        {
            var cli = context();
            var settings = new FreshnessSettings(
                parseResult.GetValue(Data)!,
                parseResult.GetValue(Timestamp)!,
                parseResult.GetValue(FeatureColumn),
                parseResult.GetValue(AsOf) ?? cli.Clock.GetUtcNow(),
                parseResult.GetValue(Out)!,
                parseResult.GetValue(Into),
                parseResult.GetValue(Delimiter));
            return FreshnessRun.ExecuteAsync(settings, cli, cancellationToken);
        });
        return command;
    }
}

public sealed record FreshnessSettings(
    string DataPath,
    IReadOnlyList<string> TimestampColumns,
    string? FeatureColumn,
    DateTimeOffset AsOf,
    string OutPath,
    string? IntoPath,
    char? Delimiter);

using System.Globalization;
using System.Text.Json.Serialization;

namespace Lockstep.Core.Slo;

/// <summary>
/// The budget report <c>lockstep.budget/v1</c>: every SLO's error budget at <see cref="AsOf"/>, and the gate metrics
/// <c>budget.&lt;id&gt;.remaining</c>, <c>.consumed</c> and <c>.burn_rate.&lt;window&gt;</c> (those that could be measured).
/// Schema: <c>docs/schemas/budget.v1.schema.json</c>.
/// </summary>
public sealed record BudgetReport
{
    public const string SchemaId = "lockstep.budget/v1";

    public string Schema { get; init; } = SchemaId;

    public required DateTimeOffset AsOf { get; init; }

    public required IReadOnlyList<BudgetEntry> Slos { get; init; }

    public required IReadOnlyDictionary<string, double> Metrics { get; init; }

    public static BudgetReport Create(DateTimeOffset asOf, IReadOnlyList<SloBudget> budgets)
    {
        var entries = budgets.Select(BudgetEntry.From).ToList();
        var metrics = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            Add(metrics, $"budget.{entry.Id}.remaining", entry.Remaining);
            Add(metrics, $"budget.{entry.Id}.consumed", entry.Consumed);
            foreach (var (window, rate) in entry.BurnRates)
            {
                Add(metrics, $"budget.{entry.Id}.burn_rate.{window}", rate);
            }
        }

        return new BudgetReport { AsOf = asOf, Slos = entries, Metrics = metrics };
    }

    private static void Add(SortedDictionary<string, double> metrics, string name, double? value)
    {
        if (value is { } v)
        {
            metrics[name] = v;
        }
    }
}

/// <summary>One SLO in the budget report; the fractions are absent when the window has no data.</summary>
public sealed record BudgetEntry
{
    public required string Id { get; init; }

    /// <summary><c>software</c> or <c>model</c>.</summary>
    public required string Family { get; init; }

    public required double Objective { get; init; }

    public required int WindowDays { get; init; }

    /// <summary><c>occurrences</c> or <c>timeslices</c>.</summary>
    public required string Budgeting { get; init; }

    /// <summary>For timeslices: the slice length (<c>1d</c>, <c>1h</c>, <c>5m</c>).</summary>
    public string? Slice { get; init; }

    /// <summary>The SLI source: <c>file</c>, <c>history</c> or <c>prometheus</c>.</summary>
    public required string Source { get; init; }

    public required DateTimeOffset WindowStart { get; init; }

    public DateTimeOffset? FirstData { get; init; }

    /// <summary>Good events, or good slices.</summary>
    public required double Good { get; init; }

    /// <summary>All events, or the slices that count.</summary>
    public required double Total { get; init; }

    public required double Bad { get; init; }

    public long? SlicesInWindow { get; init; }

    public long? SlicesWithData { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public double? Sli { get; init; }

    public required double ErrorBudget { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public double? Consumed { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public double? Remaining { get; init; }

    /// <summary>Bad events or slices the window allows: error budget × total.</summary>
    public required double AllowedBad { get; init; }

    /// <summary>Allowed minus actual bad events or slices.</summary>
    public required double RemainingBad { get; init; }

    /// <summary>For timeslices: the remaining bad slices as seconds.</summary>
    public double? RemainingSeconds { get; init; }

    /// <summary>The burn rate per lookback (<c>5m</c> … <c>3d</c>); null for a lookback without events.</summary>
    public required IReadOnlyDictionary<string, double?> BurnRates { get; init; }

    public required IReadOnlyList<BudgetAlertState> Alerts { get; init; }

    public static BudgetEntry From(SloBudget budget) => new()
    {
        Id = budget.Slo.Id,
        Family = budget.Slo.Family.ToString().ToLowerInvariant(),
        Objective = budget.Slo.Objective,
        WindowDays = budget.Slo.WindowDays,
        Budgeting = budget.Slo.Budgeting.ToString().ToLowerInvariant(),
        Slice = budget.Slo.Slice is { } slice ? SliceName(slice) : null,
        Source = budget.Slo.Sli.Source,
        WindowStart = budget.AsOf - budget.Slo.Window,
        FirstData = budget.FirstData,
        Good = budget.Good,
        Total = budget.Total,
        Bad = budget.Bad,
        SlicesInWindow = budget.SlicesInWindow,
        SlicesWithData = budget.SlicesWithData,
        Sli = budget.Sli,
        ErrorBudget = budget.Slo.ErrorBudget,
        Consumed = budget.Consumed,
        Remaining = budget.Remaining,
        AllowedBad = budget.AllowedBad,
        RemainingBad = budget.RemainingBad,
        RemainingSeconds = budget.RemainingTime?.TotalSeconds,
        BurnRates = budget.BurnRates.ToDictionary(r => r.Window.Name, r => r.Rate, StringComparer.Ordinal),
        Alerts = budget.Alerts.Select(a => new BudgetAlertState(a.Alert.Severity, a.Alert.LongWindow.Name, a.Alert.ShortWindow.Name, a.Alert.Factor, a.LongRate, a.ShortRate, a.Holds)).ToList(),
    };

    /// <summary><c>1d</c>, <c>1h</c>, <c>5m</c>: the slice length in its largest whole unit.</summary>
    public static string SliceName(TimeSpan slice) =>
        slice.TotalDays >= 1 ? "1d"
        : slice.Minutes == 0 ? string.Create(CultureInfo.InvariantCulture, $"{slice.Hours}h")
        : string.Create(CultureInfo.InvariantCulture, $"{(int)slice.TotalMinutes}m");
}

/// <summary>A multiwindow alert: its windows' burn rates and whether both reach the factor (null when a window has no events).</summary>
public sealed record BudgetAlertState(
    string Severity,
    string LongWindow,
    string ShortWindow,
    double Factor,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? LongRate,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? ShortRate,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] bool? Holds);

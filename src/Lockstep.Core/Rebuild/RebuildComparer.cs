using System.Globalization;
using Lockstep.Core.Contracts;
using Lockstep.Core.Gates;

namespace Lockstep.Core.Rebuild;

/// <summary>
/// Compares a registered model's report card with the card of a model rebuilt from the registered commit: the run
/// (commit, seed), the model's name and task, the data pins, every metric overall and per slice within an absolute
/// tolerance, and the feature profiles when both cards have them. The model's version is not compared: a rebuild
/// may be given a version of its own. See docs/rebuild-check.md.
/// </summary>
public static class RebuildComparer
{
    public const double DefaultTolerance = 1e-9;

    /// <exception cref="ArgumentOutOfRangeException">The tolerance is negative or not finite.</exception>
    public static RebuildCheck Compare(ReportCard registered, ReportCard rebuilt, double tolerance, InputDigest registeredInput, InputDigest rebuiltInput)
    {
        if (!double.IsFinite(tolerance) || tolerance < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(tolerance), tolerance, "the tolerance is a finite number ≥ 0");
        }

        var differences = new List<RebuildDifference>();
        var cannotTell = new List<string>();
        CompareRun(registered.Run, rebuilt.Run, differences, cannotTell);
        CompareModel(registered.Model, rebuilt.Model, differences);
        DataPinComparer.Compare(registered.Datasets, rebuilt.Datasets, differences, cannotTell);
        MetricComparer.Compare(registered, rebuilt, tolerance, differences, cannotTell);
        ProfileComparer.Compare(registered.Features, rebuilt.Features, differences);

        var verdict = cannotTell.Count > 0 ? RebuildVerdict.CannotTell : differences.Count > 0 ? RebuildVerdict.Differs : RebuildVerdict.Identical;
        return new RebuildCheck
        {
            Verdict = verdict,
            Summary = verdict switch
            {
                RebuildVerdict.CannotTell => "cannot tell: " + string.Join("; ", cannotTell),
                RebuildVerdict.Differs => $"differs ({differences.Count} {(differences.Count == 1 ? "difference" : "differences")})",
                _ => "identical",
            },
            Tolerance = tolerance,
            Inputs = [registeredInput with { Role = "registered" }, rebuiltInput with { Role = "rebuilt" }],
            Differences = differences,
            CannotTell = cannotTell,
        };
    }

    private static void CompareRun(RunInfo? registered, RunInfo? rebuilt, List<RebuildDifference> differences, List<string> cannotTell)
    {
        if (registered?.Commit is null)
        {
            cannotTell.Add("run.commit: missing from the registered card");
        }
        else if (!string.Equals(registered.Commit, rebuilt?.Commit, StringComparison.OrdinalIgnoreCase))
        {
            differences.Add(Field(RebuildDifferenceKind.Run, "run.commit", registered.Commit, rebuilt?.Commit));
        }

        var seeds = (Registered: registered?.Seed, Rebuilt: rebuilt?.Seed);
        if (seeds.Registered != seeds.Rebuilt)
        {
            differences.Add(Field(RebuildDifferenceKind.Run, "run.seed", Text(seeds.Registered), Text(seeds.Rebuilt)));
        }
    }

    private static void CompareModel(ModelInfo registered, ModelInfo rebuilt, List<RebuildDifference> differences)
    {
        if (registered.Name != rebuilt.Name)
        {
            differences.Add(Field(RebuildDifferenceKind.Model, "model.name", registered.Name, rebuilt.Name));
        }

        if (registered.Task != rebuilt.Task)
        {
            differences.Add(Field(RebuildDifferenceKind.Model, "model.task", registered.Task, rebuilt.Task));
        }
    }

    /// <summary>A top-level field: <c>run.seed: 42 registered, 7 rebuilt</c> or <c>run.commit: missing from the rebuilt card</c>.</summary>
    private static RebuildDifference Field(RebuildDifferenceKind kind, string name, string? registered, string? rebuilt) => new()
    {
        Kind = kind,
        Subject = name,
        Registered = registered,
        Rebuilt = rebuilt,
        Message = $"{name}: {Values(registered, rebuilt)}",
    };

    /// <summary><c>42 registered, 7 rebuilt</c>, or which card lacks the value.</summary>
    internal static string Values(string? registered, string? rebuilt) => (registered, rebuilt) switch
    {
        (null, _) => "missing from the registered card",
        (_, null) => "missing from the rebuilt card",
        _ => $"{registered} registered, {rebuilt} rebuilt",
    };

    internal static string? Text(long? value) => value?.ToString(CultureInfo.InvariantCulture);
}

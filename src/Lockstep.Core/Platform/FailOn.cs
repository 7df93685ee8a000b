using Lockstep.Core.Gates;

namespace Lockstep.Core.Platform;

/// <summary>When a CI step fails: on a failed gate, also on a warning, or never (an undecided gate still fails).</summary>
public enum FailOn
{
    Fail,
    Warn,
    Never,
}

/// <summary>The <c>fail-on</c> setting's names and what it means for a verdict, the same on every platform.</summary>
public static class FailOnRule
{
    /// <summary>Reads <c>fail</c>, <c>warn</c> or <c>never</c> (case-insensitive); null or empty means <c>fail</c>.</summary>
    public static bool TryParse(string? value, out FailOn failOn)
    {
        failOn = value?.Trim().ToLowerInvariant() switch
        {
            null or "" or "fail" => FailOn.Fail,
            "warn" => FailOn.Warn,
            "never" => FailOn.Never,
            _ => (FailOn)(-1),
        };
        return Enum.IsDefined(failOn);
    }

    /// <summary>
    /// Whether the step fails for this verdict: the one decision of "failing" that the exit code, the step's result,
    /// the check run, the pull request status and the <c>failures</c> comment mode all follow, on every platform. A
    /// gate that could not decide always fails it.
    /// </summary>
    public static bool Fails(Verdict verdict, FailOn failOn) => verdict switch
    {
        Verdict.Error => true,
        Verdict.Fail => failOn != FailOn.Never,
        Verdict.Warn => failOn == FailOn.Warn,
        _ => false,
    };

    /// <summary>The step's result: failed when <see cref="Fails"/>, succeeded on a pass, else succeeded with issues.</summary>
    public static RunOutcome Outcome(Verdict verdict, FailOn failOn) =>
        Fails(verdict, failOn) ? RunOutcome.Failed : verdict == Verdict.Pass ? RunOutcome.Succeeded : RunOutcome.SucceededWithIssues;
}

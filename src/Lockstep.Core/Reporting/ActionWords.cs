using Lockstep.Core.Gates;
using Lockstep.Core.Policy;

namespace Lockstep.Core.Reporting;

/// <summary>The runbook's actions and the verdicts in the words a report uses.</summary>
public static class ActionWords
{
    public static string Imperative(RunbookAction action) => action switch
    {
        RunbookAction.Rollback => "Roll back",
        RunbookAction.Page => "Page the on-call",
        RunbookAction.Block => "Block the merge",
        _ => "Merge with care",
    };

    public static string Name(RunbookAction action) => action.ToString().ToLowerInvariant();

    public static string Name(Verdict verdict) => verdict.ToString().ToLowerInvariant();

    public static string Name(GateStatus status) => status.ToString().ToLowerInvariant();

    /// <summary>One line saying what to do, from the action the verdict carries.</summary>
    public static string WhatToDo(GateResult result) => result.Verdict switch
    {
        Verdict.Error => "The gate could not decide: fix the inputs named below. An undecided gate never passes.",
        Verdict.Pass => "Nothing: every gate passes.",
        _ when result.Action is { } action =>
            $"{Imperative(action.Kind)}" + (action.Message is { } message ? $" — {message}" : string.Empty) + $" (gate `{action.Gate}`)",
        _ => "Nothing.",
    };
}

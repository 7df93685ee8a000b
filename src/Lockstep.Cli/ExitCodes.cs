using Lockstep.Core.Gates;
using Lockstep.Core.Platform;

namespace Lockstep.Cli;

/// <summary>The process exit codes: a gate that cannot decide never exits 0.</summary>
public static class ExitCodes
{
    /// <summary>Every gate passes, or only warning gates failed.</summary>
    public const int Pass = 0;

    /// <summary>A gate failed.</summary>
    public const int GateFailed = 1;

    /// <summary><c>lockstep data verify</c>: a pinned file is missing or differs from its pin.</summary>
    public const int DataMismatch = 1;

    /// <summary>Bad input or usage, or a gate that could not decide.</summary>
    public const int InputError = 2;

    /// <summary>The exit code for a verdict under <c>fail-on</c> (<see cref="FailOnRule.Fails"/>; <c>lockstep gate</c> has none, which is <c>fail</c>).</summary>
    public static int For(Verdict verdict, FailOn failOn = FailOn.Fail) => verdict switch
    {
        Verdict.Error => InputError,
        _ when FailOnRule.Fails(verdict, failOn) => GateFailed,
        _ => Pass,
    };
}

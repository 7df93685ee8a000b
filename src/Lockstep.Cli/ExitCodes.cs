using Lockstep.Core.Gates;

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

    public static int For(Verdict verdict) => verdict switch
    {
        Verdict.Pass or Verdict.Warn => Pass,
        Verdict.Fail => GateFailed,
        _ => InputError,
    };
}

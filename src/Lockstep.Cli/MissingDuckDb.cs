namespace Lockstep.Cli;

/// <summary>
/// The DuckDB engine's native library (libduckdb) is loaded on first use, beside the executable. The GitHub Action's
/// image leaves it out, so a command there that needs it ends with one line instead of a stack trace.
/// </summary>
internal static class MissingDuckDb
{
    public const string Message =
        "the DuckDB engine's native library (libduckdb) is not installed beside lockstep (the GitHub Action's image leaves it out); "
        + "run this command with the lockstep tool from NuGet (dotnet tool install Lockstep.Cli)";

    public static bool Is(Exception exception) => exception switch
    {
        DllNotFoundException missing => missing.Message.Contains("duckdb", StringComparison.OrdinalIgnoreCase),
        TypeInitializationException { InnerException: { } inner } => Is(inner),
        AggregateException { InnerExceptions: [var single] } => Is(single),
        _ => false,
    };
}

using System.CommandLine;
using Lockstep.Core;
using Lockstep.Core.Rebuild;

namespace Lockstep.Cli.Commands;

/// <summary><c>lockstep rebuild-check</c>: whether a model rebuilt from the registered commit matches the registered model.</summary>
public static class RebuildCheckCommand
{
    public static readonly Option<string> Registered = new("--registered") { Description = "The registered model's report card.", Required = true, HelpName = "report-card" };

    public static readonly Option<string> Rebuilt = new("--rebuilt") { Description = "The report card of the model rebuilt from the registered card's run.commit.", Required = true, HelpName = "report-card" };

    public static readonly Option<double> Tolerance = new("--tolerance")
    {
        Description = "Absolute tolerance of metric values: equal when |rebuilt − registered| ≤ it.",
        DefaultValueFactory = _ => RebuildComparer.DefaultTolerance,
        HelpName = "number",
    };

    public static readonly Option<string?> Json = new("--json") { Description = "Write the result (lockstep.rebuild-check/v1 JSON) here.", HelpName = "file" };

    public static readonly Option<string?> Markdown = new("--markdown", "-m") { Description = "Write the verdict and a table of the differences as markdown here (for a job summary).", HelpName = "file" };

    static RebuildCheckCommand()
    {
        Tolerance.Validators.Add(result =>
        {
            var tolerance = result.GetValueOrDefault<double>();
            if (!double.IsFinite(tolerance) || tolerance < 0)
            {
                result.AddError($"--tolerance must be a finite number ≥ 0, got {Numbers.Format(tolerance)}");
            }
        });
    }

    public static Command Create(Func<CliContext> context)
    {
        var command = new Command("rebuild-check", """
            Check that a model rebuilt from the registered model's git SHA is the registered model: the same run.commit
            and run.seed, the same data pins (each data set's sha256 and rows, matched by role and uri), every metric
            overall and per slice within --tolerance, and equal feature profile counts when both cards have profiles.
            Prints one line per difference, then identical, differs (N differences) or cannot tell: ….
            Exit codes: 0 identical, 1 differs, 2 cannot tell (the registered card lacks run.commit or a data pin
            digest) or bad input. Details: docs/rebuild-check.md.

            Examples:
              lockstep rebuild-check --registered registered/report-card.json --rebuilt artifacts/report-card.json
              lockstep rebuild-check --registered registered.json --rebuilt rebuilt.json --tolerance 1e-6 --json rebuild-check.json --markdown rebuild-check.md
            """)
        {
            Registered, Rebuilt, Tolerance, Json, Markdown,
        };

        command.SetAction(parseResult => RebuildCheckRun.Execute(
            new RebuildCheckSettings(
                parseResult.GetValue(Registered)!,
                parseResult.GetValue(Rebuilt)!,
                parseResult.GetValue(Tolerance),
                parseResult.GetValue(Json),
                parseResult.GetValue(Markdown)),
            context()));
        return command;
    }
}

public sealed record RebuildCheckSettings(string RegisteredPath, string RebuiltPath, double Tolerance, string? JsonPath, string? MarkdownPath);

using System.CommandLine;
using Lockstep.Cli.Io;

namespace Lockstep.Cli.Commands;

/// <summary><c>lockstep scaffold policy</c>: lockstep.yml with the runbook's defaults.</summary>
public static class ScaffoldPolicyCommand
{
    public static readonly Option<string> Task = ScaffoldOptions.Task();

    public static readonly Option<string> FirstModel = new Option<string>("--first-model")
    {
        Description = "What a first model, with no baseline, is judged on: fail (its change bounds fail) or allow (its value bounds only).",
        DefaultValueFactory = _ => "fail",
    }.AcceptOnlyFromAmong("fail", "allow");

    public static readonly Option<string> Out = new("--out", "-o") { Description = "Where to write the policy.", DefaultValueFactory = _ => "lockstep.yml", HelpName = "file" };

    public static Command Create(Func<CliContext> context)
    {
        var command = new Command("policy", """
            Write a gate policy with the runbook's defaults: PSI above 0.25 rolls back, an AUC drop of more than 3 % (RMSE
            up 3 % for regression) pages the on-call, P99 latency above 150 ms and stale features block or page, PSI
            above 0.1 warns. Gates whose metric a first pipeline may not measure yet are optional.

            Examples:
              lockstep scaffold policy
              lockstep scaffold policy --task regression --first-model allow --out config/lockstep.yml
            """)
        {
            Task, FirstModel, Out, ScaffoldOptions.Force,
        };

        command.SetAction(parseResult =>
        {
            var cli = context();
            var file = GeneratedOutput.ScaffolderFor(cli).Policy(parseResult.GetValue(Task)!, parseResult.GetValue(FirstModel) == "allow", parseResult.GetValue(Out)!);
            return GeneratedOutput.Write(".", [file], parseResult.GetValue(ScaffoldOptions.Force), cli);
        });
        return command;
    }
}

using System.CommandLine;
using Lockstep.Cli.Io;
using Lockstep.Core.Policy;

namespace Lockstep.Cli.Commands;

/// <summary><c>lockstep scaffold runbook</c>: RUNBOOK.md, the policy's decision tree in words.</summary>
public static class ScaffoldRunbookCommand
{
    public static readonly Option<string> Policy = new("--policy", "-p") { Description = "The gate policy to render.", DefaultValueFactory = _ => "lockstep.yml", HelpName = "file" };

    public static readonly Option<string> Out = new("--out", "-o") { Description = "Where to write the runbook.", DefaultValueFactory = _ => "RUNBOOK.md", HelpName = "file" };

    public static Command Create(Func<CliContext> context)
    {
        var command = new Command("runbook", """
            Write the runbook from the policy: its gates as a decision tree ("Is drift.psi.max above 0.25? Roll back."),
            most severe action first, as a numbered list and a Mermaid flowchart, and what each action means.

            Examples:
              lockstep scaffold runbook --policy lockstep.yml
              lockstep scaffold runbook --policy config/lockstep.yml --out docs/RUNBOOK.md
            """)
        {
            Policy, Out, ScaffoldOptions.Force,
        };

        command.SetAction(parseResult =>
        {
            var cli = context();
            OutputPaths.RefuseInputs(cli, [("--out", parseResult.GetValue(Out))], [("--policy", parseResult.GetValue(Policy))]);
            var policyFile = InputFile.Read(parseResult.GetValue(Policy)!, cli);
            var policy = PolicyReader.Parse(policyFile.Text, policyFile.DisplayPath);
            var file = GeneratedOutput.ScaffolderFor(cli).Runbook(policy, policyFile.DisplayPath, parseResult.GetValue(Out)!);
            return GeneratedOutput.Write(".", [file], parseResult.GetValue(ScaffoldOptions.Force), cli);
        });
        return command;
    }
}

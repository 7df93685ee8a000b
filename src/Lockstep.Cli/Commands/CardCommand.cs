using System.CommandLine;
using Lockstep.Cli.Io;
using Lockstep.Core.Contracts;
using Lockstep.Core.Gates;
using Lockstep.Core.Policy;

namespace Lockstep.Cli.Commands;

/// <summary><c>lockstep card</c>: the model card from a report card, and the gates from a gate result or the policy.</summary>
public static class CardCommand
{
    public static readonly Option<string?> Report = new("--report", "-r") { Description = "The report card (lockstep.report-card/v1 JSON).", HelpName = "file" };

    public static readonly Option<string?> Name = new("--name") { Description = "Instead of --report: the card of a model not trained yet, with this name.", HelpName = "name" };

    public static readonly Option<string> Task = ScaffoldOptions.Task();

    public static readonly Option<string?> Gate = new("--gate", "-g") { Description = "A gate result (from lockstep gate --out): the Gates section shows each gate's status and why.", HelpName = "file" };

    public static readonly Option<string?> Policy = new("--policy", "-p") { Description = "Without --gate: describe the policy's gates in words.", HelpName = "file" };

    public static readonly Option<string> Out = new("--out", "-o") { Description = "Where to write the model card.", DefaultValueFactory = _ => "MODEL_CARD.md", HelpName = "file" };

    public static Command Create(Func<CliContext> context)
    {
        var command = new Command("card", """
            Write the model card (MODEL_CARD.md): Hugging Face model-index metadata, the sections of Mitchell et al.
            (2019) filled from the report card, Reproducibility (seed, commit, dataset digests) and the Gates. Text inside
            the lockstep:keep regions is kept when the card is written again; a card edited elsewhere is not
            overwritten without --force.

            Examples:
              lockstep card --report artifacts/model/report-card.json
              lockstep card --report candidate.json --gate result.json --out docs/MODEL_CARD.md
              lockstep card --report candidate.json --policy lockstep.yml
              lockstep card --name ChurnModel --task binary-classification
            """)
        {
            Report, Name, Task, Gate, Policy, Out, ScaffoldOptions.Force,
        };
        command.Validators.Add(result =>
        {
            if ((result.GetValue(Report) is null) == (result.GetValue(Name) is null))
            {
                result.AddError("give either --report (a trained model's card) or --name (the card of a model not trained yet)");
            }
        });

        command.SetAction(parseResult =>
        {
            var cli = context();
            var scaffolder = GeneratedOutput.ScaffolderFor(cli);
            if (parseResult.GetValue(Name) is { } name)
            {
                var placeholder = scaffolder.ModelCardPlaceholder(name, parseResult.GetValue(Task)!, parseResult.GetValue(Out)!);
                return GeneratedOutput.Write(".", [placeholder], parseResult.GetValue(ScaffoldOptions.Force), cli);
            }

            OutputPaths.RefuseInputs(
                cli,
                [("--out", parseResult.GetValue(Out))],
                [("--report", parseResult.GetValue(Report)), ("--gate", parseResult.GetValue(Gate)), ("--policy", parseResult.GetValue(Policy))]);
            var reportFile = InputFile.Read(parseResult.GetValue(Report)!, cli);
            var card = ReportCardReader.Parse(reportFile.Text, reportFile.DisplayPath);
            GateResult? gate = null;
            if (parseResult.GetValue(Gate) is { } gatePath)
            {
                var gateFile = InputFile.Read(gatePath, cli);
                gate = GateResultJson.Parse(gateFile.Text, gateFile.DisplayPath);
            }

            GatePolicy? policy = null;
            if (parseResult.GetValue(Policy) is { } policyPath)
            {
                var policyFile = InputFile.Read(policyPath, cli);
                policy = PolicyReader.Parse(policyFile.Text, policyFile.DisplayPath);
            }

            var file = scaffolder.ModelCard(card, gate, policy, parseResult.GetValue(Out)!);
            return GeneratedOutput.Write(".", [file], parseResult.GetValue(ScaffoldOptions.Force), cli);
        });
        return command;
    }
}

using System.CommandLine;
using Lockstep.Cli.Commands;
using Lockstep.Core;
using Lockstep.Scaffolding.Engine;

namespace Lockstep.Cli;

/// <summary>The root command: parses, maps usage and input errors to exit code 2 in one line each.</summary>
public static class LockstepCommand
{
    public static RootCommand Create(Func<CliContext> context)
    {
        var root = OptionParsing.Apply(Commands(context));
        ActionInputsHelp.Install(root);
        return root;
    }

    private static RootCommand Commands(Func<CliContext> context) => new("""
        Lockstep: evaluation gates and two-lane delivery metrics for ML models.
        Start with `lockstep demo`; docs: docs/getting-started.md in the Lockstep repository.

        Examples:
          lockstep demo
          lockstep gate --policy lockstep.yml --candidate candidate.json --baseline baseline.json
          lockstep gate --help
        """)
    {
        GateCommand.Create(context),
        EvalCommand.Create(context),
        DriftCommand.Create(context),
        MonitorCommand.Create(context),
        FreshnessCommand.Create(context),
        DoraCommand.Create(context),
        DrillCommand.Create(context),
        BudgetCommand.Create(context),
        DashboardCommand.Create(context),
        DataCommand.Create(context),
        ReportCommand.Create(context),
        EventsCommand.Create(context),
        GitHubActionCommand.Create(context),
        CardCommand.Create(context),
        ScaffoldCommand.Create(context),
        AzureTaskCommand.Create(context),
        DemoCommand.Create(context),
        RecordCommand.Create(context),
        HistoryCommand.Create(context),
        RebuildCheckCommand.Create(context),
    };

    public static async Task<int> RunAsync(string[] args, CliContext context)
    {
        // The commands read `context` when they run, so they get the one Select returns, with the platform's log writers.
        var parseResult = Create(() => context).Parse(args);
        context = RunnerSelection.Select(context, parseResult.CommandResult.Command.Name);
        try
        {
            return await RunAsync(parseResult, context).ConfigureAwait(false);
        }
        finally
        {
            RunnerSelection.Complete(context);
        }
    }

    private static async Task<int> RunAsync(ParseResult parseResult, CliContext context)
    {
        if (parseResult.Errors.Count > 0)
        {
            foreach (var error in UsageErrors.Describe(parseResult))
            {
                context.Error.WriteLine($"error: {error}");
            }

            context.Error.WriteLine($"See '{CommandPath(parseResult.CommandResult)} --help'.");
            return ExitCodes.InputError;
        }

        try
        {
            return await parseResult.InvokeAsync(new InvocationConfiguration
            {
                Output = context.Out,
                Error = context.Error,
                EnableDefaultExceptionHandler = false,
            }).ConfigureAwait(false);
        }
        catch (InputException e)
        {
            foreach (var error in e.Message.Split('\n'))
            {
                context.Error.WriteLine($"error: {error}");
            }

            return ExitCodes.InputError;
        }
        catch (TemplateException e)
        {
            context.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.InputError;
        }
        catch (Exception e) when (MissingDuckDb.Is(e))
        {
            context.Error.WriteLine($"error: {MissingDuckDb.Message}");
            return ExitCodes.InputError;
        }
    }

    /// <summary>The command as typed: <c>lockstep</c>, <c>lockstep gate</c>, <c>lockstep data pin</c>.</summary>
    private static string CommandPath(System.CommandLine.Parsing.CommandResult result)
    {
        var names = new List<string>();
        for (var current = result; current is not null && current.Command is not RootCommand; current = current.Parent as System.CommandLine.Parsing.CommandResult)
        {
            names.Insert(0, current.Command.Name);
        }

        return string.Join(' ', names.Prepend("lockstep"));
    }
}

using System.ComponentModel;
using System.Diagnostics;
using Lockstep.Core;
using Lockstep.Core.Dora;

namespace Lockstep.Cli.Commands;

/// <summary>
/// Times a restore as a drill: the drill opens when the restore starts and is resolved when it exits 0. The restore is
/// started before the events file is touched, so a command that cannot start leaves the file as it was.
/// </summary>
public static class DrillRestoreRun
{
    public static int Execute(DrillSettings settings, Lane lane, IReadOnlyList<string> restore, CliContext context)
    {
        DrillRun.CheckCanStart(settings, lane, context);
        using var process = Start(restore, context);
        var drill = DrillRun.Open(settings, lane, context);
        process.WaitForExitAsync(context.Interrupted).GetAwaiter().GetResult();
        if (process.ExitCode != 0)
        {
            context.Error.WriteLine($"the restore failed (exit code {process.ExitCode}): the {settings.Scenario} drill stays open; end it with lockstep drill end once service is restored");
            return ExitCodes.GateFailed;
        }

        return DrillRun.End(settings with { Id = drill.Id, At = context.Clock.GetUtcNow() }, context);
    }

    private static Process Start(IReadOnlyList<string> restore, CliContext context)
    {
        var start = new ProcessStartInfo(restore[0]) { UseShellExecute = false, WorkingDirectory = context.WorkingDirectory };
        foreach (var argument in restore.Skip(1))
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            return Process.Start(start) ?? throw new InputException(restore[0], null, null, "cannot start the restore command");
        }
        catch (Win32Exception e)
        {
            throw new InputException(restore[0], null, null, $"cannot start the restore command: {e.Message}");
        }
    }
}

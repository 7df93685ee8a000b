using Lockstep.Cli.Io;
using Lockstep.Core.Contracts;
using Lockstep.Core.Gates;
using Lockstep.Core.Rebuild;

namespace Lockstep.Cli.Commands;

/// <summary>Reads both report cards, compares them, prints each difference and the verdict, and writes the result files.</summary>
public static class RebuildCheckRun
{
    public static int Execute(RebuildCheckSettings settings, CliContext context)
    {
        OutputPaths.RefuseInputs(
            context,
            [("--json", settings.JsonPath), ("--markdown", settings.MarkdownPath)],
            [("--registered", settings.RegisteredPath), ("--rebuilt", settings.RebuiltPath)]);
        var registered = InputFile.Read(settings.RegisteredPath, context);
        var rebuilt = InputFile.Read(settings.RebuiltPath, context);
        var check = RebuildComparer.Compare(
            ReportCardReader.Parse(registered.Text, registered.DisplayPath),
            ReportCardReader.Parse(rebuilt.Text, rebuilt.DisplayPath),
            settings.Tolerance,
            new InputDigest("registered", registered.DisplayPath, registered.Sha256),
            new InputDigest("rebuilt", rebuilt.DisplayPath, rebuilt.Sha256));

        var outputs = AtomicFiles.Requested(
            (settings.JsonPath, () => RebuildCheckJson.Serialize(check) + "\n"),
            (settings.MarkdownPath, () => RebuildCheckMarkdown.Render(check)));

        AtomicFiles.WriteAll(outputs, context);
        foreach (var difference in check.Differences)
        {
            context.Out.WriteLine(difference.Message);
        }

        context.Out.WriteLine(check.Summary);
        foreach (var (path, _) in outputs)
        {
            context.Out.WriteLine($"wrote {path}");
        }

        return ExitCode(check.Verdict);
    }

    /// <summary>0 identical, 1 differs, 2 cannot tell: a check that cannot decide never passes.</summary>
    public static int ExitCode(RebuildVerdict verdict) => verdict switch
    {
        RebuildVerdict.Identical => ExitCodes.Pass,
        RebuildVerdict.Differs => ExitCodes.GateFailed,
        _ => ExitCodes.InputError,
    };
}

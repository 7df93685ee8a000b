using Lockstep.Cli.Io;
using Lockstep.Core;
using Lockstep.Core.History;
using Lockstep.History;

namespace Lockstep.Cli.Commands;

/// <summary>Reads and checks every input, finds the cards gate results judged, then adds the new facts to the history.</summary>
public static class RecordRun
{
    public static int Execute(RecordSettings settings, CliContext context) =>
        ExecuteAsync(settings, context, CancellationToken.None).GetAwaiter().GetResult();

    public static async Task<int> ExecuteAsync(RecordSettings settings, CliContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(context);
        HistoryFolder.Resolve(settings.HistoryPath, context);
        using var progress = new HistoryProgressDisplay(context);
        var inputs = new List<HistoryInput>();
        foreach (var file in settings.Files)
        {
            progress.Show($"reading {file} ({inputs.Count + 1} of {settings.Files.Count})");
            var input = InputFile.Read(file, context);
            inputs.Add(HistoryInputReader.Read(input.Text, input.DisplayPath, input.Sha256));
        }

        await RecordAsync(settings, inputs, progress, context, cancellationToken).ConfigureAwait(false);
        return ExitCodes.Pass;
    }

    /// <summary>Adds the facts of inputs already read (a monitor run's own reports) to the history and prints what was written.</summary>
    public static async Task RecordAsync(RecordSettings settings, IReadOnlyList<HistoryInput> inputs, CliContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(context);
        using var progress = new HistoryProgressDisplay(context);
        await RecordAsync(settings, inputs, progress, context, cancellationToken).ConfigureAwait(false);
    }

    private static async Task RecordAsync(
        RecordSettings settings, IReadOnlyList<HistoryInput> inputs, HistoryProgressDisplay progress, CliContext context, CancellationToken cancellationToken)
    {
        var directory = HistoryFolder.Resolve(settings.HistoryPath, context);
        var now = context.Clock.GetUtcNow();
        var options = new RecordOptions(settings.At ?? now, now, settings.Model, settings.Version);
        progress.Show($"reading {settings.HistoryPath}");
        var known = await HistoryCards.FindAsync(directory, CandidatesToLookUp(inputs), cancellationToken).ConfigureAwait(false);
        var batch = HistoryFacts.Collect(inputs, options, sha => known.GetValueOrDefault(sha));
        progress.Show($"writing {batch.Count:N0} facts to {settings.HistoryPath}");
        var result = await HistoryWriter.WriteAsync(directory, batch, cancellationToken).ConfigureAwait(false);
        progress.Clear();

        context.Out.WriteLine(Summary(settings.HistoryPath, result));
        foreach (var path in result.Written)
        {
            context.Out.WriteLine($"wrote {HistoryFolder.Display(path, context)}");
        }
    }

    /// <summary><c>recorded in .lockstep/history: 5 gate, 14 metric, 156 delivery facts added; 0 already there</c>.</summary>
    public static string Summary(string historyPath, HistoryWriteResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var added = string.Join(", ", Enum.GetValues<FactKind>().Select(kind => $"{result.Added[kind]:N0} {kind.ToString().ToLowerInvariant()}"));
        return $"recorded in {historyPath}: {added} facts added; {result.AlreadyThere.Values.Sum():N0} already there";
    }

    /// <summary>The candidate cards of gate results whose card is not among the inputs: those are looked up in the history.</summary>
    private static List<string> CandidatesToLookUp(IReadOnlyList<HistoryInput> inputs)
    {
        var cards = inputs.OfType<HistoryInput.Card>().Select(c => c.Sha256).ToHashSet(StringComparer.Ordinal);
        return inputs.OfType<HistoryInput.Gate>()
            .SelectMany(g => g.Content.Inputs.Where(i => i.Role == "candidate").Select(i => i.Sha256))
            .Where(sha => !cards.Contains(sha))
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }
}

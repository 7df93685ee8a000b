using System.Security.Cryptography;
using Lockstep.Core.Gates;
using Lockstep.Core.History;
using Lockstep.Core.Policy;

namespace Lockstep.History.Tests;

/// <summary>A temporary history folder and the demo's inputs as a recording's facts.</summary>
internal sealed class HistoryFolder : IDisposable
{
    public static readonly DateTimeOffset RecordedAt = new(2026, 11, 27, 8, 0, 0, TimeSpan.Zero);

    public string Path { get; } = Directory.CreateTempSubdirectory("lockstep-history-").FullName;

    public static HistoryInput Demo(string name)
    {
        var text = File.ReadAllText(System.IO.Path.Combine(AppContext.BaseDirectory, "Demo", name));
        return HistoryInputReader.Read(text, name, Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(System.IO.Path.Combine(AppContext.BaseDirectory, "Demo", name)))));
    }

    /// <summary>The demo's pass candidate, its gate result, and its events.</summary>
    public static HistoryBatch DemoBatch(DateTimeOffset? recordedAt = null)
    {
        var candidate = Demo("candidate-pass.json");
        var policy = PolicyReader.Parse(File.ReadAllText(System.IO.Path.Combine(AppContext.BaseDirectory, "Demo", "lockstep.yml")), "lockstep.yml");
        var card = ((HistoryInput.Card)candidate).Content;
        var baseline = ((HistoryInput.Card)Demo("baseline.json")).Content;
        var result = GateEvaluator.Evaluate(
            policy,
            new CardInput("candidate-pass.json", card),
            new CardInput("baseline.json", baseline),
            [new InputDigest("candidate", "candidate-pass.json", candidate.Sha256)]);
        var gate = new HistoryInput.Gate("result.json", new string('a', 64), result);
        var options = new RecordOptions(RecordedAt, recordedAt ?? RecordedAt);
        return HistoryFacts.Collect([candidate, gate, Demo("events.jsonl")], options, _ => null);
    }

    public IReadOnlyList<string> DataFiles() =>
        Directory.Exists(Path)
            ? Directory.EnumerateFiles(Path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList()
            : [];

    public void Dispose() => Directory.Delete(Path, recursive: true);
}

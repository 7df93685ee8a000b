using System.Globalization;
using Lockstep.Core.Contracts;
using Lockstep.Core.Gates;
using Lockstep.Core.Metrics;
using Lockstep.Core.Rebuild;

namespace Lockstep.Sdk.Tests;

/// <summary>
/// The rebuild check on cards written by <see cref="ReportCardBuilder"/>: the same seeded training on the same pinned
/// data at the same commit gives an identical card; one changed byte of the data is named by its pin.
/// </summary>
public sealed class ReportCardRebuildTests : IDisposable
{
    private const string Commit = "0123456789abcdef0123456789abcdef01234567";
    private readonly TempRepository repository = new();

    public ReportCardRebuildTests()
    {
        repository.Write("lockstep.yml", "version: 1\nseed: 2024\n");
        var rows = Enumerable.Range(0, 200).Select(i => $"{(i * 37 % 101) / 10.0:0.0},{(i * 37 % 101 + i % 7 > 55 ? 1 : 0)}");
        repository.Write("data/train.csv", "x,y\n" + string.Join('\n', rows) + "\n");
        repository.Pin("data/train.csv");
    }

    [Fact]
    public void The_same_training_on_the_same_data_rebuilds_an_identical_card()
    {
        var registered = Train();
        var rebuilt = Train();

        var check = Check(registered, rebuilt);

        Assert.Equal("identical", check.Summary);
        Assert.Equal((2024, Commit), (registered.Run!.Seed, registered.Run.Commit));
        Assert.NotNull(registered.Datasets.Single().Sha256);
    }

    [Fact]
    public void One_changed_byte_of_the_data_is_named_by_its_pin()
    {
        var registered = Train();
        var text = File.ReadAllText(repository.Path("data/train.csv"));
        var changed = text.Length - 2; // the last row's label
        repository.Write("data/train.csv", text[..changed] + (text[changed] == '0' ? '1' : '0') + text[(changed + 1)..]);
        repository.Pin("data/train.csv");

        var check = Check(registered, Train());

        Assert.Equal(RebuildVerdict.Differs, check.Verdict);
        var pin = check.Differences.Single(d => d.Kind == RebuildDifferenceKind.DataPin);
        Assert.Equal(
            $"data pin 'train' (data/train.csv): sha256 {registered.Datasets[0].Sha256} registered, {TempRepository.Sha256(repository.Path("data/train.csv"))} rebuilt",
            pin.Message);
        Assert.Equal(check.Differences[0], pin);
    }

    [Fact]
    public void Another_seed_is_named()
    {
        var registered = Train();

        var check = Check(registered, Train(("LOCKSTEP_SEED", "7")));

        Assert.Equal("run.seed: 2024 registered, 7 rebuilt", check.Differences[0].Message);
    }

    private static RebuildCheck Check(ReportCard registered, ReportCard rebuilt) =>
        RebuildComparer.Compare(registered, rebuilt, RebuildComparer.DefaultTolerance, new InputDigest("card", "registered.json", new string('a', 64)), new InputDigest("card", "rebuilt.json", new string('b', 64)));

    /// <summary>A seeded training run: shuffled stochastic gradient descent of a one-feature logistic regression on the pinned data.</summary>
    private ReportCard Train(params (string Name, string Value)[] variables)
    {
        var context = repository.Context(null, [("GITHUB_SHA", Commit), .. variables]);
        var rows = File.ReadAllLines(repository.Path("data/train.csv")).Skip(1)
            .Select(line => line.Split(','))
            .Select(cells => (X: double.Parse(cells[0], CultureInfo.InvariantCulture), Y: cells[1] == "1"))
            .ToArray();
        var random = new Random(TrainingRun.StreamSeed(context.Seed, "shuffle"));
        var (weight, bias) = (random.NextDouble() - 0.5, 0.0);
        for (var epoch = 0; epoch < 20; epoch++)
        {
            random.Shuffle(rows);
            foreach (var (x, y) in rows)
            {
                var error = Sigmoid(weight * x + bias) - (y ? 1 : 0);
                (weight, bias) = (weight - 0.01 * error * x, bias - 0.01 * error);
            }
        }

        var scores = rows.Select(r => Sigmoid(weight * r.X + bias)).ToArray();
        var labels = rows.Select(r => r.Y).ToArray();
        return new ReportCardBuilder(context, TimeProvider.System, "churn", "1.4.0", "binary-classification")
            .Dataset("train", "data/train.csv", rows: rows.Length)
            .Metric("auc", RocAuc.Compute(scores, labels))
            .Metric("weight", weight)
            .Build();
    }

    private static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));

    public void Dispose() => repository.Dispose();
}

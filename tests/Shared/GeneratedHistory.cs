using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Lockstep.Core.Contracts;
using Lockstep.Core.Dora;
using Lockstep.Core.Freshness;
using Lockstep.Core.Gates;
using Lockstep.Core.Policy;

namespace Lockstep.Tests.Shared;

/// <summary>
/// A seeded, made-up delivery and model-quality history of a team, for the dashboard's tests and benchmarks: both
/// lanes over <c>days</c> days ending at <see cref="AsOf"/> (code deploys about 1.4 times a working day, a model
/// about weekly with its stages), incidents and rollbacks, and for each model version a report card (AUC, accuracy,
/// P99 latency, PSI per feature, slices) and the gate result of the demo's policy against the version before; and a
/// freshness report per day. Every file is written through the product's own serialisers, so each is a valid input of
/// <c>lockstep record</c>. Ids start with <c>gen-</c>, so the history can sit beside the demo's.
/// </summary>
internal static class GeneratedHistory
{
    public static readonly DateTimeOffset AsOf = new(2026, 11, 24, 18, 0, 0, TimeSpan.Zero);

    public static readonly string[] Features = ["tenure_months", "monthly_charges", "support_calls", "contract_type"];

    /// <summary>Writes the history's files under <paramref name="directory"/> and returns their paths, events first.</summary>
    public static GeneratedFiles Write(string directory, string policyText, int days = 1095, int seed = 20261124)
    {
        var random = new Random(seed);
        var start = AsOf.AddDays(-days);
        var events = new List<DeliveryEvent>();
        var models = new List<Deployment>();
        var codeNumber = 0;
        var modelNumber = 0;
        var nextModel = start.AddDays(3);
        for (var day = start.Date; day < AsOf.UtcDateTime.Date; day = day.AddDays(1))
        {
            var dayStart = new DateTimeOffset(day, TimeSpan.Zero);
            var working = day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
            var deploys = working ? Poisson(random, 1.9) : Poisson(random, 0.2);
            foreach (var hour in Enumerable.Range(0, deploys).Select(_ => 9 + (random.NextDouble() * 9)).Order())
            {
                var finished = dayStart.AddHours(hour);
                var id = $"gen-code-{++codeNumber:00000}";
                var rolledBack = random.NextDouble() < 0.04;
                events.Add(Deploy(random, Lane.Code, id, finished, rolledBack, commits: 1 + random.Next(4), maxAgeHours: 40, null, null));
                if (!rolledBack && random.NextDouble() < 0.05)
                {
                    events.Add(Incident(random, Lane.Code, $"gen-inc-{id}", finished.AddHours(0.5 + (random.NextDouble() * 5)), restoreHours: 0.3 + (random.NextDouble() * 4)));
                }
            }

            if (dayStart >= nextModel)
            {
                var finished = dayStart.AddHours(10 + (random.NextDouble() * 6));
                var version = $"2.{++modelNumber}.0";
                var evaluated = finished.AddHours(-(20 + (random.NextDouble() * 60)));
                var trained = evaluated.AddHours(-(1 + (random.NextDouble() * 3)));
                var snapshot = trained.AddHours(-(8 + (random.NextDouble() * 20)));
                var deployment = Deploy(random, Lane.Model, $"gen-model-{modelNumber:0000}", finished, random.NextDouble() < 0.05, 1 + random.Next(3), 120, version,
                    new StageTimes { DataSnapshotAt = snapshot, TrainedAt = trained, EvaluatedAt = evaluated });
                events.Add(deployment);
                models.Add(deployment);
                if (random.NextDouble() < 0.12)
                {
                    events.Add(Incident(random, Lane.Model, $"gen-inc-{deployment.Id}", finished.AddHours(2 + (random.NextDouble() * 10)), restoreHours: 2 + (random.NextDouble() * 20)));
                }

                nextModel = dayStart.AddDays(5 + random.Next(5));
            }
        }

        Directory.CreateDirectory(directory);
        var eventsPath = Path.Combine(directory, "events.jsonl");
        File.WriteAllText(eventsPath, EventsWriter.Write(events.OrderBy(Time)));
        var cards = WriteModelVersions(directory, random, models, PolicyReader.Parse(policyText, "lockstep.yml"));
        var freshness = WriteFreshness(directory, random, start);
        return new GeneratedFiles(eventsPath, cards.Cards, cards.Gates, freshness, events.Count, models.Count);
    }

    private static (List<string> Cards, List<string> Gates) WriteModelVersions(string directory, Random random, List<Deployment> models, GatePolicy policy)
    {
        var cards = new List<string>();
        var gates = new List<string>();
        var auc = 0.84;
        var psi = Features.ToDictionary(f => f, _ => 0.03);
        CardInput? baseline = null;
        string? baselineDigest = null;
        foreach (var model in models)
        {
            auc = Math.Clamp(auc + ((random.NextDouble() - 0.47) * 0.03), 0.78, 0.92);
            foreach (var feature in Features)
            {
                // Mean-reverting around 0.06, with a rare shift that breaks the rollback line.
                psi[feature] = (0.8 * psi[feature]) + (random.NextDouble() * 0.025) + (random.NextDouble() < 0.01 ? 0.25 : 0);
            }

            var metrics = new Dictionary<string, double>(StringComparer.Ordinal)
            {
                ["auc"] = Math.Round(auc, 4),
                ["accuracy"] = Math.Round(auc - 0.04, 4),
                ["latency.p99_ms"] = Math.Round(95 + (random.NextDouble() * 60), 1),
                ["drift.psi.max"] = Math.Round(psi.Values.Max(), 4),
            };
            foreach (var (feature, value) in psi)
            {
                metrics["drift.psi." + feature] = Math.Round(value, 4);
            }

            var card = new ReportCard
            {
                Schema = ReportCard.SchemaId,
                Model = new ModelInfo { Name = "churn-classifier", Version = model.ModelVersion!, Task = "binary-classification" },
                Metrics = metrics,
                Slices = new Dictionary<string, IReadOnlyDictionary<string, double>>(StringComparer.Ordinal)
                {
                    ["region=EU"] = new Dictionary<string, double>(StringComparer.Ordinal) { ["auc"] = Math.Round(auc - 0.02 - (random.NextDouble() * 0.03), 4) },
                    ["region=US"] = new Dictionary<string, double>(StringComparer.Ordinal) { ["auc"] = Math.Round(auc + 0.01, 4) },
                },
                Timeline = new Timeline { DataSnapshotAt = model.Stages!.DataSnapshotAt, TrainedAt = model.Stages.TrainedAt, EvaluatedAt = model.Stages.EvaluatedAt },
            };
            var cardText = ReportCardReader.Serialize(card) + "\n";
            var cardPath = Path.Combine(directory, "cards", $"card-{model.ModelVersion}.json");
            Write(cardPath, cardText);
            cards.Add(cardPath);

            var candidate = new CardInput(cardPath, card);
            var digest = Digest(cardText);
            List<InputDigest> inputs = [new("policy", "lockstep.yml", Digest("policy")), new("candidate", cardPath, digest)];
            if (baselineDigest is not null)
            {
                inputs.Add(new("baseline", baseline!.Source, baselineDigest));
            }

            var result = GateEvaluator.Evaluate(policy, candidate, baseline, inputs);
            var gatePath = Path.Combine(directory, "gates", $"gate-{model.ModelVersion}.json");
            Write(gatePath, GateResultJson.Serialize(result) + "\n");
            gates.Add(gatePath);
            // Every version in the events was deployed: it is the next one's baseline.
            (baseline, baselineDigest) = (candidate, digest);
        }

        return (cards, gates);
    }

    private static List<string> WriteFreshness(string directory, Random random, DateTimeOffset start)
    {
        var paths = new List<string>();
        for (var asOf = start.AddDays(1).AddHours(6); asOf <= AsOf; asOf = asOf.AddDays(1))
        {
            var newest = Features.ToDictionary(f => f, _ => asOf.AddHours(-(random.NextDouble() < 0.03 ? 30 + (random.NextDouble() * 40) : random.NextDouble() * 20)));
            var report = FreshnessReport.Create(asOf, new InputDigest("source", "features.parquet", Digest(asOf.ToString("O", CultureInfo.InvariantCulture))), newest);
            var path = Path.Combine(directory, "freshness", $"freshness-{asOf:yyyy-MM-dd}.json");
            Write(path, Lockstep.Core.Freshness.FreshnessReportJson.Serialize(report) + "\n");
            paths.Add(path);
        }

        return paths;
    }

    private static Deployment Deploy(Random random, Lane lane, string id, DateTimeOffset finished, bool rolledBack, int commits, double maxAgeHours, string? version, StageTimes? stages)
    {
        var refs = Enumerable.Range(0, commits)
            .Select(_ => finished.AddHours(-(0.3 + (random.NextDouble() * maxAgeHours))))
            .Order()
            .Select(time => new CommitRef { Sha = Sha(random), AuthoredAt = time.AddMinutes(-20), CommittedAt = time })
            .ToList();
        return new Deployment
        {
            Lane = lane,
            Id = id,
            Environment = "production",
            Sha = refs[^1].Sha,
            Status = rolledBack ? DeploymentStatus.RolledBack : DeploymentStatus.Success,
            CreatedAt = finished.AddMinutes(-10),
            FinishedAt = finished,
            Commits = refs,
            ModelVersion = version,
            Stages = stages,
        };
    }

    private static Incident Incident(Random random, Lane lane, string id, DateTimeOffset opened, double restoreHours) =>
        new() { Lane = lane, Id = id, OpenedAt = opened, ResolvedAt = opened.AddHours(restoreHours) };

    private static DateTimeOffset Time(DeliveryEvent e) => e is Deployment d ? d.FinishedAt : ((Incident)e).OpenedAt;

    private static int Poisson(Random random, double mean)
    {
        var (limit, product, count) = (Math.Exp(-mean), random.NextDouble(), 0);
        while (product > limit)
        {
            product *= random.NextDouble();
            count++;
        }

        return count;
    }

    private static string Sha(Random random)
    {
        Span<byte> bytes = stackalloc byte[20];
        random.NextBytes(bytes);
        return Convert.ToHexStringLower(bytes);
    }

    private static string Digest(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static void Write(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}

/// <summary>The files <see cref="GeneratedHistory.Write"/> wrote.</summary>
internal sealed record GeneratedFiles(string Events, IReadOnlyList<string> Cards, IReadOnlyList<string> Gates, IReadOnlyList<string> Freshness, int EventCount, int ModelVersions)
{
    public IEnumerable<string> All => [Events, .. Cards, .. Gates, .. Freshness];
}

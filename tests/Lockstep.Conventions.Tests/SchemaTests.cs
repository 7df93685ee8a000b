using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using Lockstep.Core.Contracts;
using Lockstep.Core.Drift;
using Lockstep.Core.Freshness;
using Lockstep.Core.Gates;
using Lockstep.Core.Pinning;
using Lockstep.Core.Policy;
using Lockstep.Core.Rebuild;
using Lockstep.Core.Slo;

namespace Lockstep.Conventions.Tests;

/// <summary>The published JSON Schemas accept what Lockstep writes and reject what Lockstep refuses.</summary>
public class SchemaTests
{
    public static TheoryData<string> DemoCards => new() { "baseline.json", "candidate-pass.json", "candidate-warn.json", "candidate-fail.json" };

    [Theory]
    [MemberData(nameof(DemoCards))]
    public void Demo_report_cards_are_valid(string name)
    {
        var json = Repository.Read($"src/Lockstep.Cli/Demo/{name}");

        AssertValid("report-card.v1.schema.json", JsonNode.Parse(json));
        Assert.NotNull(ReportCardReader.Parse(json, name));
    }

    [Fact]
    public void A_report_card_with_an_unknown_property_is_refused_by_schema_and_reader()
    {
        var card = JsonNode.Parse(Repository.Read("src/Lockstep.Cli/Demo/baseline.json"))!.AsObject();
        card["metric"] = new JsonObject();

        Assert.False(Evaluate("report-card.v1.schema.json", card).IsValid);
        Assert.Throws<Lockstep.Core.InputException>(() => ReportCardReader.Parse(card.ToJsonString(), "card.json"));
    }

    [Theory]
    [InlineData("candidate-pass.json")]
    [InlineData("candidate-fail.json")]
    public void Gate_results_are_valid(string candidate)
    {
        var policy = PolicyReader.Parse(Repository.Read("src/Lockstep.Cli/Demo/lockstep.yml"), "lockstep.yml");
        var result = GateEvaluator.Evaluate(
            policy,
            new CardInput(candidate, ReportCardReader.Parse(Repository.Read($"src/Lockstep.Cli/Demo/{candidate}"), candidate)),
            null,
            [new InputDigest("policy", "lockstep.yml", new string('0', 64))]);

        AssertValid("gate-result.v1.schema.json", JsonNode.Parse(GateResultJson.Serialize(result)));
    }

    [Fact]
    public void A_gate_result_judged_by_intervals_is_valid()
    {
        const string Yaml = """
            version: 1
            gates:
              - { id: auc, metric: auc, max_regression: 0.01, confidence: 0.95, inconclusive: fail }
              - { id: acc, metric: accuracy, min: 0.8, confidence: 0.9 }
              - { id: psi, metric: drift.psi.price, max: 0.25, confidence: 0.95 }
            """;
        var policy = PolicyReader.Parse(Yaml, "lockstep.yml");
        var card = ReportCardReader.Parse(
            """
            { "schema": "lockstep.report-card/v1", "model": { "name": "m", "version": "1" },
              "metrics": { "auc": 0.81, "auc.baseline": 0.84, "auc.delta": -0.03, "auc.delta.se": 0.02, "rows": 400,
                           "accuracy": 0.9, "accuracy.se": 0.01, "drift.psi.price": 0.3, "drift.psi_p_value.price": 0.2 } }
            """,
            "c.json");

        var result = GateEvaluator.Evaluate(policy, new CardInput("c.json", card), null);

        AssertValid("policy.v1.schema.json", YamlToJson.Convert(Yaml));
        AssertValid("gate-result.v1.schema.json", JsonNode.Parse(GateResultJson.Serialize(result)));
    }

    [Fact]
    public void The_demo_policy_is_valid()
    {
        var yaml = Repository.Read("src/Lockstep.Cli/Demo/lockstep.yml");

        AssertValid("policy.v1.schema.json", YamlToJson.Convert(yaml));
    }

    [Theory]
    [InlineData("version: 1\ngates:\n  - { id: a, metric: auc, min: 0.5, max_regresion: 3% }")]
    [InlineData("version: 1\ngates:\n  - { id: a, metric: auc }")]
    [InlineData("version: 1\ngates: []")]
    [InlineData("version: 2\ngates:\n  - { id: a, metric: auc, min: 0.5 }")]
    [InlineData("version: 1\ngates:\n  - { id: a, metric: auc, min: 0.5, action: panic }")]
    [InlineData("version: 1\nseed: -1\ngates:\n  - { id: a, metric: auc, min: 0.5 }")]
    [InlineData("version: 1\nseed: 1.5\ngates:\n  - { id: a, metric: auc, min: 0.5 }")]
    [InlineData("version: 1\nseed: 2147483648\ngates:\n  - { id: a, metric: auc, min: 0.5 }")]
    [InlineData("version: 1\ngates:\n  - { id: a, metric: auc, min: 0.5 }\nslos:\n  - { id: s, family: model, objective: 99%, window_days: 28, budgeting: occurrences, sli: { source: file, path: a.csv }, window: 7 }")]
    [InlineData("version: 1\ngates:\n  - { id: a, metric: auc, min: 0.5 }\nslos:\n  - { id: s, family: model, objective: 99%, window_days: 28, budgeting: occurrences, sli: { source: file } }")]
    [InlineData("version: 1\ngates:\n  - { id: a, metric: auc, min: 0.5 }\nslos:\n  - { id: s, family: model, objective: 99%, window_days: 28, budgeting: occurrences, sli: { source: history, metric: auc } }")]
    [InlineData("version: 1\ngates:\n  - { id: a, metric: auc, min: 0.5 }\nslos:\n  - { id: s, family: serving, objective: 99%, window_days: 28, budgeting: occurrences, sli: { source: file, path: a.csv } }")]
    [InlineData("version: 1\ngates:\n  - { id: a, metric: auc, min: 0.5 }\nslos:\n  - { id: s, family: model, objective: 99%, window_days: 28, budgeting: timeslices, slice: 7m, sli: { source: file, path: a.csv } }")]
    public void Policies_the_reader_refuses_are_refused_by_the_schema(string yaml)
    {
        Assert.False(Evaluate("policy.v1.schema.json", YamlToJson.Convert(yaml)).IsValid);
        Assert.Throws<Lockstep.Core.InputException>(() => PolicyReader.Parse(yaml, "p.yml"));
    }

    [Fact]
    public void A_policy_with_slos_of_every_source_is_valid()
    {
        const string Yaml = """
            version: 1
            slos:
              - { id: a, family: software, objective: 99.5%, window_days: 28, budgeting: occurrences, sli: { source: file, path: a.csv } }
              - { id: b, family: model, objective: 0.9, window_days: 7, budgeting: timeslices, missing: bad, sli: { source: history, metric: auc, min: 0.85, slice: day } }
              - { id: c, family: software, objective: 99%, window_days: 7, budgeting: timeslices, slice: 5m, threshold: 95%, sli: { source: prometheus, good: up, total: up, url: "http://127.0.0.1:9090", headers: { Authorization: Bearer x } } }
            """;

        Assert.True(Evaluate("policy.v1.schema.json", YamlToJson.Convert(Yaml)).IsValid);
        Assert.Equal(3, PolicyReader.ReadSlos(Yaml, "p.yml").Count);
    }

    [Fact]
    public void A_policy_with_a_seed_is_valid()
    {
        var yaml = "version: 1\nseed: 2147483647\ngates:\n  - { id: a, metric: auc, min: 0.5 }";

        AssertValid("policy.v1.schema.json", YamlToJson.Convert(yaml));
        Assert.Equal(int.MaxValue, PolicyReader.Parse(yaml, "p.yml").Seed);
    }

    [Fact]
    public void Data_locks_are_valid()
    {
        var lockFile = new DataLockFile
        {
            Schema = DataLockFile.SchemaId,
            Files = new Dictionary<string, DataPin>
            {
                ["data/train.csv"] = new() { Sha256 = new string('a', 64), Size = 12 },
                ["data/raw/2026-11-24 events.parquet"] = new() { Sha256 = new string('0', 64), Size = 0 },
                ["..data.csv"] = new() { Sha256 = new string('f', 64), Size = long.MaxValue },
            },
        };

        AssertValid("data-lock.v1.schema.json", JsonNode.Parse(DataLockJson.Serialize(lockFile)));
    }

    [Theory]
    [InlineData("""{"schema":"lockstep.data-lock/v2","files":{}}""")]
    [InlineData("""{"schema":"lockstep.data-lock/v1"}""")]
    [InlineData("""{"schema":"lockstep.data-lock/v1","files":{},"created":"today"}""")]
    [InlineData("""{"schema":"lockstep.data-lock/v1","files":{"a.csv":{"sha256":"ABCDEF","size":1}}}""")]
    [InlineData("""{"schema":"lockstep.data-lock/v1","files":{"a.csv":{"sha256":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa","size":-1}}}""")]
    [InlineData("""{"schema":"lockstep.data-lock/v1","files":{"a.csv":{"sha256":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"}}}""")]
    [InlineData("""{"schema":"lockstep.data-lock/v1","files":{"a.csv":{"sha256":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa","size":1,"md5":"x"}}}""")]
    [InlineData("""{"schema":"lockstep.data-lock/v1","files":{"a.csv":null}}""")]
    [InlineData("""{"schema":"lockstep.data-lock/v1","files":{"../a.csv":{"sha256":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa","size":1}}}""")]
    [InlineData("""{"schema":"lockstep.data-lock/v1","files":{"data/./a.csv":{"sha256":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa","size":1}}}""")]
    [InlineData("""{"schema":"lockstep.data-lock/v1","files":{"/data/a.csv":{"sha256":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa","size":1}}}""")]
    [InlineData("""{"schema":"lockstep.data-lock/v1","files":{"data//a.csv":{"sha256":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa","size":1}}}""")]
    [InlineData("""{"schema":"lockstep.data-lock/v1","files":{"data\\a.csv":{"sha256":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa","size":1}}}""")]
    [InlineData("""{"schema":"lockstep.data-lock/v1","files":{"C:/a.csv":{"sha256":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa","size":1}}}""")]
    public void Data_locks_the_reader_refuses_are_refused_by_the_schema(string json)
    {
        Assert.False(Evaluate("data-lock.v1.schema.json", JsonNode.Parse(json)).IsValid);
        Assert.Throws<Lockstep.Core.InputException>(() => DataLockJson.Parse(json, "data.lock.json"));
    }

    [Fact]
    public void Data_lock_pin_schema_lists_exactly_the_pin_properties()
    {
        var schema = JsonNode.Parse(Repository.Read("docs/schemas/data-lock.v1.schema.json"))!;
        var expected = typeof(DataPin).GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => JsonNamingPolicy.SnakeCaseLower.ConvertName(p.Name));

        Assert.Equal(expected.Order(), PropertyNames(schema["$defs"]!["pin"]!["properties"]).Order());
    }

    [Fact]
    public void Policy_schema_lists_exactly_the_keys_the_reader_accepts()
    {
        var schema = JsonNode.Parse(Repository.Read("docs/schemas/policy.v1.schema.json"))!;
        var topLevel = PropertyNames(schema["properties"]);
        var gateProperties = schema["properties"]!["gates"]!["items"]!;
        var gate = PropertyNames(gateProperties["properties"] ?? Resolve(schema, gateProperties)["properties"]);

        Assert.Equal(PolicyReader.TopLevelKeys.Order(), topLevel.Order());
        Assert.Equal(PolicyReader.GateKeys.Order(), gate.Order());
        Assert.Equal(PolicyReader.SloKeys.Order(), PropertyNames(schema["$defs"]!["slo"]!["properties"]).Order());
    }

    [Fact]
    public void Events_the_GitHub_source_writes_are_valid()
    {
        var lines = Repository.Read("tests/Lockstep.GitHub.Tests/Golden/github-events.jsonl").Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.NotEmpty(lines);
        Assert.All(lines, line => AssertValid("events.v1.schema.json", JsonNode.Parse(line)));
        Assert.Equal(lines.Length, Lockstep.Core.Dora.EventsReader.Read(lines, "github-events.jsonl").Count);
    }

    [Fact]
    public void A_policy_with_the_GitHub_sources_lane_keys_is_valid_and_a_misspelt_one_is_refused_by_both()
    {
        const string Policy = "version: 1\ngates:\n  - { id: a, metric: auc, min: 0.5 }\ndora:\n  lanes:\n    code:\n      environments: [production]\n      incident_labels: [incident, sev1]\n    model:\n      environments: [model-production]\n      incident_labels: []\n      deploy_workflows: [deploy-model.yml]\n";
        var misspelt = Policy.Replace("deploy_workflows", "deploy_workflow", StringComparison.Ordinal);

        AssertValid("policy.v1.schema.json", YamlToJson.Convert(Policy));
        Assert.NotNull(PolicyReader.Parse(Policy, "p.yml"));
        Assert.False(Evaluate("policy.v1.schema.json", YamlToJson.Convert(misspelt)).IsValid);
        Assert.Throws<Lockstep.Core.InputException>(() => PolicyReader.Parse(misspelt, "p.yml"));
    }

    [Theory]
    [InlineData(BinningMode.Evidently)]
    [InlineData(BinningMode.Quantile)]
    public void Drift_reports_are_valid_and_their_profiles_fit_a_report_card(BinningMode binning)
    {
        var reference = Enumerable.Range(0, 300).Select(i => (i * 37 % 101) / 10.0).ToArray();
        var current = Enumerable.Range(0, 250).Select(i => (i * 53 % 97 / 8.0) + 1.5).ToArray();
        var options = new DriftOptions { Binning = binning };
        FeatureDrift[] features =
        [
            FeatureDriftCalculator.Compare("age", FeatureSample.Numeric(reference, reference.Length), FeatureSample.Numeric(current, current.Length), options),
            FeatureDriftCalculator.Compare(
                "plan",
                FeatureSample.Categorical(new Dictionary<string, long> { ["a"] = 3, ["b"] = 1 }, 2),
                FeatureSample.Categorical(new Dictionary<string, long> { ["a"] = 1, ["c"] = 4 }, 0),
                options),
        ];
        var report = DriftReport.Create(options, new InputDigest("reference", "ref.csv", new string('a', 64)), 302, new InputDigest("current", "cur.csv", new string('b', 64)), 250, features);
        var card = JsonNode.Parse(Repository.Read("src/Lockstep.Cli/Demo/candidate-pass.json"))!.AsObject();
        card["features"] = JsonNode.Parse(ProfilesJson(features));

        AssertValid("drift.v1.schema.json", JsonNode.Parse(DriftReportJson.Serialize(report)));
        AssertValid("report-card.v1.schema.json", card);
        Assert.NotNull(ReportCardReader.Parse(card.ToJsonString(), "card.json"));
    }

    [Fact]
    public void Budget_reports_are_valid_with_and_without_data()
    {
        var asOf = new DateTimeOffset(2026, 11, 29, 0, 0, 0, TimeSpan.Zero);
        var occurrences = new SloDefinition
        {
            Id = "availability", Family = SloFamily.Software, Objective = 0.995, WindowDays = 28,
            Budgeting = BudgetingMethod.Occurrences, Sli = new FileSli("a.csv"),
        };
        var timeslices = occurrences with
        {
            Id = "auc", Family = SloFamily.Model, Budgeting = BudgetingMethod.Timeslices, Slice = TimeSpan.FromDays(1), Sli = new HistorySli("auc", null, 0.85, null),
        };
        SliSample[] samples = [new(asOf.AddMinutes(-2), 9, 10), new(asOf.AddDays(-2), 1, 1)];
        var report = BudgetReport.Create(asOf, [
            BudgetCalculator.Compute(occurrences, samples, asOf),
            BudgetCalculator.Compute(timeslices, samples, asOf),
            BudgetCalculator.Compute(occurrences with { Id = "empty" }, [], asOf),
        ]);

        AssertValid("budget.v1.schema.json", JsonNode.Parse(BudgetReportJson.Serialize(report)));
    }

    [Fact]
    public void Rebuild_checks_are_valid_for_every_verdict_and_kind_of_difference()
    {
        var registered = ReportCardReader.Parse(Repository.Read("src/Lockstep.Cli/Demo/baseline.json"), "baseline.json") with
        {
            Run = new RunInfo { Commit = "0123456789abcdef0123456789abcdef01234567", Seed = 42 },
            Datasets = [new DatasetReference { Role = "train", Uri = "data/train.csv", Sha256 = new string('a', 64), Rows = 10 }],
            Slices = new Dictionary<string, IReadOnlyDictionary<string, double>> { ["region=EU"] = new Dictionary<string, double> { ["auc"] = 0.8 } },
            Features = new Dictionary<string, FeatureProfile> { ["plan"] = new() { Kind = "categorical", Categories = new Dictionary<string, long> { ["pro"] = 3 } } },
        };
        var rebuilt = registered with
        {
            Model = registered.Model with { Name = "other" },
            Run = registered.Run with { Seed = 7 },
            Datasets = [registered.Datasets[0] with { Sha256 = new string('b', 64) }],
            Metrics = registered.Metrics.ToDictionary(m => m.Key, m => m.Value + 0.01),
            Slices = new Dictionary<string, IReadOnlyDictionary<string, double>>(),
            Features = new Dictionary<string, FeatureProfile> { ["plan"] = new() { Kind = "categorical", Categories = new Dictionary<string, long> { ["pro"] = 4 } } },
        };
        var cards = (new InputDigest("registered", "registered.json", new string('c', 64)), new InputDigest("rebuilt", "rebuilt.json", new string('d', 64)));

        foreach (var (a, b) in new[] { (registered, registered), (registered, rebuilt), (registered with { Run = null }, rebuilt) })
        {
            var check = RebuildComparer.Compare(a, b, 1e-9, cards.Item1, cards.Item2);
            AssertValid("rebuild-check.v1.schema.json", JsonNode.Parse(RebuildCheckJson.Serialize(check)));
        }
    }

    [Fact]
    public void Freshness_reports_are_valid()
    {
        var report = FreshnessReport.Create(
            new DateTimeOffset(2026, 11, 26, 6, 0, 0, TimeSpan.Zero),
            new InputDigest("data", "features.csv", new string('c', 64)),
            new Dictionary<string, DateTimeOffset> { ["age"] = new(2026, 11, 25, 0, 0, 0, TimeSpan.Zero) });

        AssertValid("freshness.v1.schema.json", JsonNode.Parse(FreshnessReportJson.Serialize(report)));
    }

    [Fact]
    public void Events_written_by_a_delivery_source_are_valid_lines()
    {
        var at = new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);
        Lockstep.Core.Dora.DeliveryEvent[] events =
        [
            new Lockstep.Core.Dora.Deployment
            {
                Lane = Lockstep.Core.Dora.Lane.Model, Id = "3001", Environment = "production", Sha = "c0ffee", Status = Lockstep.Core.Dora.DeploymentStatus.RolledBack,
                CreatedAt = at, FinishedAt = at.AddMinutes(20.5), Commits = [new() { Sha = "abc", AuthoredAt = at.AddHours(-3) }],
                Pr = new() { Number = 41, Commits = [new() { Sha = "feed", AuthoredAt = at.AddDays(-2), CommittedAt = at.AddDays(-2) }] },
                ModelVersion = "1.4.0", Stages = new() { TrainedAt = at.AddHours(-6) }, Unplanned = true, Fixes = ["501"],
            },
            new Lockstep.Core.Dora.Incident { Lane = Lockstep.Core.Dora.Lane.Code, Id = "501", OpenedAt = at, ResolvedAt = at.AddHours(2), DeploymentId = "3001" },
        ];

        foreach (var line in Lockstep.Core.Dora.EventsWriter.Write(events).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            AssertValid("events.v1.schema.json", JsonNode.Parse(line));
        }
    }

    [Fact]
    public void A_drill_incident_line_is_valid_and_an_unknown_scenario_is_refused_by_the_schema_and_the_reader()
    {
        var drill = new Lockstep.Core.Dora.Incident
        {
            Lane = Lockstep.Core.Dora.Lane.Model, Id = "drill-1", OpenedAt = new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero), Drill = Lockstep.Core.Dora.DrillScenarios.ModelRegistry,
        };
        var line = Lockstep.Core.Dora.EventsWriter.Line(drill);
        var unknown = line.Replace("model-registry", "data-center", StringComparison.Ordinal);

        AssertValid("events.v1.schema.json", JsonNode.Parse(line));
        AssertValid("events.v1.schema.json", JsonNode.Parse(Lockstep.Core.Dora.EventsWriter.Line(drill with { ResolvedAt = drill.OpenedAt.AddHours(2) })));
        Assert.False(Evaluate("events.v1.schema.json", JsonNode.Parse(unknown)).IsValid);
        Assert.Throws<Lockstep.Core.InputException>(() => Lockstep.Core.Dora.EventsReader.Read([unknown], "events.jsonl"));
    }

    [Theory]
    [InlineData(typeof(ReportCard), "report-card.v1.schema.json")]
    [InlineData(typeof(GateResult), "gate-result.v1.schema.json")]
    [InlineData(typeof(DriftReport), "drift.v1.schema.json")]
    [InlineData(typeof(FreshnessReport), "freshness.v1.schema.json")]
    [InlineData(typeof(DataLockFile), "data-lock.v1.schema.json")]
    [InlineData(typeof(BudgetReport), "budget.v1.schema.json")]
    [InlineData(typeof(RebuildCheck), "rebuild-check.v1.schema.json")]
    public void Schema_and_contract_type_have_the_same_properties(Type contract, string schemaFile)
    {
        var schema = JsonNode.Parse(Repository.Read($"docs/schemas/{schemaFile}"))!;
        var expected = contract.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetCustomAttribute<System.Text.Json.Serialization.JsonIgnoreAttribute>() is null)
            .Select(p => JsonNamingPolicy.SnakeCaseLower.ConvertName(p.Name))
            .Order();

        Assert.Equal(expected, PropertyNames(schema["properties"]).Order());
    }

    /// <summary>The current side's profiles as a report card writes them (through the card serializer).</summary>
    private static string ProfilesJson(IEnumerable<FeatureDrift> features)
    {
        var card = new ReportCard
        {
            Schema = ReportCard.SchemaId,
            Model = new ModelInfo { Name = "m", Version = "1" },
            Metrics = new Dictionary<string, double>(),
            Features = features.ToDictionary(f => f.Feature, f => f.Current),
        };
        return JsonNode.Parse(ReportCardReader.Serialize(card))!["features"]!.ToJsonString();
    }

    private static JsonNode Resolve(JsonNode schema, JsonNode node)
    {
        var reference = node["$ref"]!.GetValue<string>();
        return reference.TrimStart('#', '/').Split('/').Aggregate(schema, (current, segment) => current[segment]!);
    }

    private static IEnumerable<string> PropertyNames(JsonNode? properties) => properties!.AsObject().Select(p => p.Key);

    private static void AssertValid(string schemaFile, JsonNode? instance) => JsonSchemas.AssertValid(Evaluate(schemaFile, instance));

    private static EvaluationResults Evaluate(string schemaFile, JsonNode? instance) => JsonSchemas.Project(schemaFile, instance);
}

using Lockstep.Core.Contracts;

namespace Lockstep.Core.Tests.Contracts;

public class ReportCardReaderTests
{
    private const string Full = """
        {
          "schema": "lockstep.report-card/v1",
          "model": { "name": "churn", "version": "1.4.0", "task": "binary-classification" },
          "run": { "commit": "c0ffee1", "repository": "contoso/churn", "seed": 42 },
          "datasets": [ { "role": "test", "uri": "data/v12/test.parquet", "sha256": "ab", "rows": 30000 } ],
          "metrics": { "auc": 0.874, "latency.p99_ms": 118 },
          "slices": { "region=EU": { "auc": 0.866 } },
          "features": {
            "age": { "kind": "numeric", "histogram": { "edges": [0, 30, 60, 90], "counts": [10, 20, 5] }, "missing": 2 },
            "plan": { "kind": "categorical", "categories": { "basic": 12, "pro": 3 } }
          },
          "timeline": { "data_snapshot_at": "2026-11-20T06:00:00Z", "trained_at": "2026-11-24T10:15:00Z" },
          "card": { "intended_use": "retention outreach", "owners": ["ds@contoso.example"], "license": "proprietary" }
        }
        """;

    [Fact]
    public void Reads_a_full_card()
    {
        var card = ReportCardReader.Parse(Full, "card.json");

        Assert.Equal(("churn", "1.4.0"), (card.Model.Name, card.Model.Version));
        Assert.Equal(42, card.Run!.Seed);
        Assert.Equal(30000, Assert.Single(card.Datasets).Rows);
        Assert.Equal(118, card.Metrics["latency.p99_ms"]);
        Assert.Equal(0.866, card.Slices["region=EU"]["auc"]);
        Assert.Equal([10L, 20L, 5L], card.Features["age"].Histogram!.Counts);
        Assert.Equal(3, card.Features["plan"].Categories!["pro"]);
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 10, 15, 0, TimeSpan.Zero), card.Timeline!.TrainedAt);
        Assert.Equal("retention outreach", card.Card!.IntendedUse);
    }

    [Fact]
    public void Round_trips_through_serialization()
    {
        var card = ReportCardReader.Parse(Full, "card.json");

        var again = ReportCardReader.Parse(ReportCardReader.Serialize(card), "again.json");

        Assert.Equal(ReportCardReader.Serialize(card), ReportCardReader.Serialize(again));
    }

    [Fact]
    public void Reads_non_finite_metrics_written_as_strings_so_the_gate_can_name_them()
    {
        var card = ReportCardReader.Parse(Minimal("""{ "auc": "NaN", "f1": "-Infinity" }"""), "card.json");

        Assert.True(double.IsNaN(card.Metrics["auc"]));
        Assert.True(double.IsNegativeInfinity(card.Metrics["f1"]));
    }

    [Fact]
    public void Omitted_collections_read_as_empty()
    {
        var card = ReportCardReader.Parse(Minimal("{ \"auc\": 0.9 }").Replace("\"metrics\"", "\"card\": { \"license\": \"MIT\" },\n  \"metrics\"", StringComparison.Ordinal), "card.json");

        Assert.Empty(card.Datasets);
        Assert.Empty(card.Slices);
        Assert.Empty(card.Features);
        Assert.Empty(card.Card!.Owners);
    }

    public static TheoryData<string, string> BadCards => new()
    {
        { "", "card.json: the file is empty" },
        { "   \n", "card.json: the file is empty" },
        { "{ \"schema\": ", "card.json:1: $.schema: invalid JSON" },
        { "{\n  \"schema\": \"lockstep.report-card/v1\",\n  \"model\": { \"name\": \"m\", \"version\": \"1\" },\n  \"metrics\": { \"auc\": 0.9, }\n}", "card.json:4: $.metrics.auc: invalid JSON" },
        { "{\n  \"schema\": \"lockstep.report-card/v1\",\n  \"model\": { \"name\": \"m\", \"version\": \"1\" },\n  \"metrics\": { \"auc\": NaN }\n}", "card.json:4: $.metrics.auc: invalid JSON" },
        { Minimal("{ \"auc\": \"high\" }"), "card.json:4: $.metrics.auc: expected a number" },
        { Minimal("[0.9]"), "card.json:4: $.metrics: expected an object" },
        { Minimal("{ \"auc\": 0.9 }").Replace("\"metrics\"", "\"metric\"", StringComparison.Ordinal), "card.json:4: $.metric: unknown property 'metric'" },
        { "{\n  \"schema\": \"lockstep.report-card/v1\",\n  \"model\": { \"name\": \"m\", \"version\": \"1\" }\n}", "card.json:4: $: missing required property 'metrics'" },
        { "{\n  \"schema\": \"lockstep.report-card/v1\",\n  \"model\": { \"name\": \"m\", \"version\": 1 },\n  \"metrics\": {}\n}", "card.json:3: $.model.version: expected a string" },
        { "{\n  \"schema\": \"lockstep.report-card/v1\",\n  \"model\": { \"name\": null, \"version\": \"1\" },\n  \"metrics\": {}\n}", "card.json:3: $.model.name: must not be null" },
        { Minimal("{}").Replace("report-card/v1", "report-card/v2", StringComparison.Ordinal), "card.json: $.schema: expected \"lockstep.report-card/v1\", got \"lockstep.report-card/v2\"" },
        { "null", "card.json:1: $: expected a report card object, got null" },
        { Minimal("{}").Replace("\"metrics\"", "\"slices\": { \"region=EU\": null },\n  \"metrics\"", StringComparison.Ordinal), "card.json: $.slices['region=EU']: must not be null" },
        { Minimal("{}").Replace("\"metrics\"", "\"datasets\": [null],\n  \"metrics\"", StringComparison.Ordinal), "card.json: $.datasets[0]: must not be null" },
        { Minimal("{}").Replace("\"metrics\"", "\"features\": { \"age\": null },\n  \"metrics\"", StringComparison.Ordinal), "card.json: $.features['age']: must not be null" },
        { Minimal("{}").Replace("\"metrics\"", "\"card\": { \"owners\": [\"a\", null] },\n  \"metrics\"", StringComparison.Ordinal), "card.json: $.card.owners[1]: must not be null" },
        { Minimal("{}").Replace("\"metrics\"", "\"datasets\": null,\n  \"metrics\"", StringComparison.Ordinal), "card.json:4: $.datasets: must not be null" },
    };

    [Theory]
    [MemberData(nameof(BadCards))]
    public void Bad_card_is_one_line_naming_file_line_and_json_path(string json, string expectedStart)
    {
        var error = Assert.Throws<InputException>(() => ReportCardReader.Parse(json, "card.json"));

        Assert.True(error.Message.StartsWith(expectedStart, StringComparison.Ordinal), $"got '{error.Message}'");
        Assert.DoesNotContain('\n', error.Message);
    }

    private static string Minimal(string metrics) =>
        "{\n  \"schema\": \"lockstep.report-card/v1\",\n  \"model\": { \"name\": \"m\", \"version\": \"1\" },\n  \"metrics\": " + metrics + "\n}";
}

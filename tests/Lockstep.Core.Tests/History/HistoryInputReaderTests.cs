using Lockstep.Core.History;

namespace Lockstep.Core.Tests.History;

public class HistoryInputReaderTests
{
    private static string Sample(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Samples", name));

    [Theory]
    [InlineData("candidate-pass.json", typeof(HistoryInput.Card))]
    [InlineData("events.jsonl", typeof(HistoryInput.Events))]
    public void Kind_comes_from_the_content(string name, Type expected) =>
        Assert.IsType(expected, HistoryInputReader.Read(Sample(name), name, new string('a', 64)));

    [Fact]
    public void A_gate_result_drift_or_freshness_report_is_read_by_its_schema()
    {
        const string freshness = """{ "schema": "lockstep.freshness/v1", "as_of": "2026-11-01T00:00:00Z", "source": { "role": "data", "path": "f.csv", "sha256": "aa" }, "features": [], "metrics": { "freshness.max_hours": 3 } }""";

        var input = Assert.IsType<HistoryInput.Freshness>(HistoryInputReader.Read(freshness, "fresh.json", "ab"));

        Assert.Equal(3, input.Content.Metrics["freshness.max_hours"]);
    }

    [Fact]
    public void A_known_contract_that_cannot_be_recorded_is_named()
    {
        var error = Assert.Throws<InputException>(() => HistoryInputReader.Read("""{ "schema": "lockstep.dora/v1" }""", "dora.json", "ab"));

        Assert.Equal("dora.json: schema: 'lockstep.dora/v1' cannot be recorded; expected a report card, gate result, drift report, freshness report or delivery events", error.Message);
    }

    [Theory]
    [InlineData("name,value\na,1\n")]
    [InlineData("")]
    [InlineData("[1, 2]")]
    public void A_file_of_no_known_kind_is_an_error_naming_it(string text)
    {
        var error = Assert.Throws<InputException>(() => HistoryInputReader.Read(text, "data.csv", "ab"));

        Assert.StartsWith("data.csv: is not a report card, gate result", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_event_line_is_named_by_line()
    {
        var error = Assert.Throws<InputException>(() => HistoryInputReader.Read("{\"type\": \"deployment\", \"lane\": \"code\"}\n", "events.jsonl", "ab"));

        Assert.StartsWith("events.jsonl:1:", error.Message, StringComparison.Ordinal);
    }
}

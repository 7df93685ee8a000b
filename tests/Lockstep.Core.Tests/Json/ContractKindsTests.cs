using Lockstep.Core.Contracts;
using Lockstep.Core.Dora;
using Lockstep.Core.Drift;
using Lockstep.Core.Freshness;
using Lockstep.Core.Gates;
using Lockstep.Core.Pinning;

namespace Lockstep.Core.Tests.Json;

/// <summary>A Lockstep JSON file of one kind given where another is expected is named for what it is.</summary>
public sealed class ContractKindsTests
{
    private const string Dora = """{ "schema": "lockstep.dora/v1", "as_of": "2026-11-26T00:00:00Z", "window_days": 30 }""";

    public static TheoryData<string, Action<string>, string> Readers => new()
    {
        { Dora, json => GateResultJson.Parse(json, "dora.json"), "dora.json: is a DORA report (lockstep.dora/v1), expected a gate result (lockstep.gate-result/v1)" },
        { Dora, json => ReportCardReader.Parse(json, "dora.json"), "dora.json: is a DORA report (lockstep.dora/v1), expected a report card (lockstep.report-card/v1)" },
        { """{ "metrics": {}, "schema": "lockstep.report-card/v1" }""", json => DoraReportJson.Parse(json, "card.json"), "card.json: is a report card (lockstep.report-card/v1), expected a DORA report (lockstep.dora/v1)" },
        { """{ "schema": "lockstep.gate-result/v1", "verdict": "pass" }""", json => DriftReportJson.Parse(json, "r.json"), "r.json: is a gate result (lockstep.gate-result/v1), expected a drift report (lockstep.drift/v1)" },
        { """{ "schema": "lockstep.drift/v1" }""", json => FreshnessReportJson.Parse(json, "d.json"), "d.json: is a drift report (lockstep.drift/v1), expected a freshness report (lockstep.freshness/v1)" },
        { """{ "schema": "lockstep.freshness/v1" }""", json => DataLockJson.Parse(json, "f.json"), "f.json: is a freshness report (lockstep.freshness/v1), expected a data lock (lockstep.data-lock/v1)" },
        { """{ "schema": "lockstep.data-lock/v1", "files": {} }""", json => ReportCardReader.Parse(json, "data.lock.json"), "data.lock.json: is a data lock (lockstep.data-lock/v1), expected a report card (lockstep.report-card/v1)" },
    };

    [Theory]
    [MemberData(nameof(Readers))]
    public void Another_kind_is_named_by_its_schema(string json, Action<string> read, string expected)
    {
        var error = Assert.Throws<InputException>(() => read(json));

        Assert.Equal(expected, error.Message);
    }

    [Fact]
    public void A_document_without_a_schema_is_still_checked_field_by_field()
    {
        var error = Assert.Throws<InputException>(() => GateResultJson.Parse("""{ "verdict": "pass" }""", "r.json"));

        Assert.StartsWith("r.json", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("is a", error.Message, StringComparison.Ordinal);
    }
}

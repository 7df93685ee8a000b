using Lockstep.Core.Contracts;

namespace Lockstep.Core.Tests.Contracts;

/// <summary>Profiles a gate computes PSI from are checked when the card is read, so a bad one is an input error.</summary>
public class FeatureProfileChecksTests
{
    [Theory]
    [InlineData(
        """{ "kind": "numeric", "histogram": { "edges": [0, 1, 2], "counts": [3, -1] } }""",
        "card.json: $.features['age'].histogram.counts[1]: expected a count of 0 or more, got -1")]
    [InlineData(
        """{ "kind": "numeric", "histogram": { "edges": [0, 1], "counts": [3, 1] } }""",
        "card.json: $.features['age'].histogram: expected one edge more than counts, got 2 edges and 2 counts")]
    [InlineData(
        """{ "kind": "categorical", "categories": { "a": 2, "b": -5 } }""",
        "card.json: $.features['age'].categories['b']: expected a count of 0 or more, got -5")]
    [InlineData(
        """{ "kind": "categorical", "categories": { "a": 2 }, "missing": -1 }""",
        "card.json: $.features['age'].missing: expected a count of 0 or more, got -1")]
    public void A_profile_psi_cannot_use_is_one_line_naming_the_field(string profile, string expected)
    {
        var json = $$"""{ "schema": "lockstep.report-card/v1", "model": { "name": "m", "version": "1" }, "metrics": {}, "features": { "age": {{profile}} } }""";

        var error = Assert.Throws<InputException>(() => ReportCardReader.Parse(json, "card.json"));

        Assert.Equal(expected, error.Message);
    }
}

using Lockstep.Core.Policy;
using Lockstep.Core.Slo;

namespace Lockstep.Core.Tests.Policy;

public class SloSectionTests
{
    private const string Valid = """
        version: 1
        slos:
          - id: serving-availability
            family: software
            objective: 99.5%
            window_days: 28
            budgeting: occurrences
            sli: { source: file, path: slis/availability.csv }
          - id: model-auc
            family: model
            objective: 0.9
            window_days: 28
            budgeting: timeslices
            missing: bad
            sli: { source: history, metric: auc, metric_slice: region=EU, min: 0.85, slice: day }
          - id: serving-latency
            family: software
            objective: 99%
            window_days: 7
            budgeting: timeslices
            slice: 5m
            threshold: 95%
            sli:
              source: prometheus
              good: sum(rate(http_requests_total{code!~"5.."}[5m]))
              total: sum(rate(http_requests_total[5m]))
              url: http://127.0.0.1:9090
              headers: { Authorization: Bearer x }
        """;

    [Fact]
    public void Reads_every_key_of_every_source()
    {
        var slos = PolicyReader.ReadSlos(Valid, "lockstep.yml");

        Assert.Equal(["serving-availability", "model-auc", "serving-latency"], slos.Select(s => s.Id));
        var availability = slos[0];
        Assert.Equal((SloFamily.Software, 0.995, 28, BudgetingMethod.Occurrences, 3), (availability.Family, availability.Objective, availability.WindowDays, availability.Budgeting, availability.Line));
        Assert.Equal(new FileSli("slis/availability.csv"), availability.Sli);
        Assert.Null(availability.Slice);

        var auc = slos[1];
        Assert.Equal((SloFamily.Model, BudgetingMethod.Timeslices, TimeSpan.FromDays(1), MissingData.Bad), (auc.Family, auc.Budgeting, auc.Slice, auc.Missing));
        Assert.Equal(new HistorySli("auc", "region=EU", 0.85, null), auc.Sli);
        Assert.Equal(0.1, auc.ErrorBudget, 12);

        var latency = Assert.IsType<PrometheusSli>(slos[2].Sli);
        Assert.Equal((TimeSpan.FromMinutes(5), 0.95), (slos[2].Slice, slos[2].SliceThreshold));
        Assert.Equal("sum(rate(http_requests_total[5m]))", latency.Total);
        Assert.Equal("Bearer x", latency.Headers["authorization"]);
        Assert.Equal("http://127.0.0.1:9090", latency.Url);
    }

    [Fact]
    public void A_policy_with_slos_and_gates_keeps_both()
    {
        var policy = PolicyReader.Parse(Valid + "\ngates:\n  - { id: budget, metric: budget.model-auc.remaining, min: 0 }", "lockstep.yml");

        Assert.Equal(3, policy.Slos.Count);
        Assert.True(policy.Gates[0].HigherIsBetter);
    }

    [Theory]
    [InlineData("100%", "lockstep.yml:5:16: slos[a].objective: '100%' leaves no error budget: an objective must be below 100%")]
    [InlineData("1", "lockstep.yml:5:16: slos[a].objective: '1' leaves no error budget: an objective must be below 100%")]
    [InlineData("0%", "lockstep.yml:5:16: slos[a].objective: expected an objective above 0%, got '0%'")]
    [InlineData("high", "lockstep.yml:5:16: slos[a].objective: expected a share such as 99.5% or 0.995, got 'high'")]
    public void An_objective_must_leave_a_budget(string objective, string expected)
    {
        var error = Assert.Throws<InputException>(() => PolicyReader.ReadSlos(Slo($"objective: {objective}"), "lockstep.yml"));

        Assert.Equal(expected, error.Message);
    }

    [Theory]
    [InlineData("budgeting: timeslices", "slos[a].slice: missing: timeslices need a slice length (minute, hour, day or e.g. 5m)")]
    [InlineData("budgeting: timeslices\n    slice: 7m", "slos[a].slice: expected minute, hour, day or a length that divides a day (5m, 15m, 2h), got '7m'")]
    [InlineData("budgeting: occurrences\n    missing: bad", "slos[a].missing: applies to `budgeting: timeslices` only")]
    [InlineData("budgeting: weekly", "slos[a].budgeting: expected one of occurrences, timeslices, got 'weekly'")]
    public void Budgeting_keys_are_checked(string budgeting, string expected)
    {
        var error = Assert.Throws<InputException>(() => PolicyReader.ReadSlos(Slo("objective: 99%", budgeting), "lockstep.yml"));

        Assert.EndsWith(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ source: file }", "slos[a].sli.path: missing: the file source needs `path`")]
    [InlineData("{ source: history, metric: auc }", "slos[a].sli: no bound: give min, max or both; a fact is good when its value is within them")]
    [InlineData("{ source: file, path: a.csv, metric: auc }", "slos[a].sli: unknown key 'metric' (expected one of: source, path)")]
    [InlineData("{ source: datadog }", "slos[a].sli.source: expected one of file, history, prometheus, got 'datadog'")]
    [InlineData("{ source: prometheus, good: up }", "slos[a].sli.total: missing: the prometheus source needs `total`")]
    public void Sli_sources_are_checked(string sli, string expected)
    {
        var error = Assert.Throws<InputException>(() => PolicyReader.ReadSlos(Slo("objective: 99%", "budgeting: occurrences", sli), "lockstep.yml"));

        Assert.EndsWith(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_ids_and_a_missing_list_are_errors()
    {
        var twice = Slo("objective: 99%") + "\n" + Slo("objective: 99%")["version: 1\nslos:\n".Length..];
        Assert.Equal(
            "lockstep.yml:9:5: slos[1].id: duplicate SLO id 'a' (first defined on line 3)",
            Assert.Throws<InputException>(() => PolicyReader.ReadSlos(twice, "lockstep.yml")).Message);
        Assert.Equal(
            "lockstep.yml: slos: missing: `lockstep budget` needs a list of SLOs under `slos:`",
            Assert.Throws<InputException>(() => PolicyReader.ReadSlos("version: 1\n", "lockstep.yml")).Message);
    }

    private static string Slo(string objective, string budgeting = "budgeting: occurrences", string sli = "{ source: file, path: a.csv }") => $"""
        version: 1
        slos:
          - id: a
            family: model
            {objective}
            window_days: 28
            {budgeting}
            sli: {sli}
        """;
}

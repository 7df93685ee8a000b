using Lockstep.Core.Policy;
using Lockstep.Core.Slo;

namespace Lockstep.Core.Tests.Policy;

public class OpenSloReaderTests
{
    internal const string Documents = """
        apiVersion: openslo/v1
        kind: SLI
        metadata:
          name: availability
        spec:
          ratioMetric:
            counter: true
            good: { metricSource: { type: lockstep-file, spec: { path: slis/availability.csv } } }
            total: { metricSource: { type: lockstep-file, spec: { path: slis/availability.csv } } }
        ---
        apiVersion: openslo/v1
        kind: SLO
        metadata:
          name: serving-availability
          displayName: Serving availability
        spec:
          service: churn-api
          indicatorRef: availability
          timeWindow:
            - duration: 4w
              isRolling: true
          budgetingMethod: Occurrences
          objectives:
            - displayName: Good responses
              target: 0.995
        ---
        apiVersion: openslo/v1
        kind: SLO
        metadata:
          name: model-auc
          labels: { family: model }
        spec:
          indicator:
            metadata: { name: daily-auc }
            spec:
              thresholdMetric:
                metricSource: { type: lockstep-history, spec: { metric: auc } }
          timeWindow:
            - { duration: 7d, isRolling: true }
          budgetingMethod: Timeslices
          objectives:
            - { op: gte, value: 0.85, targetPercent: 90, timeSliceWindow: 1d, timeSliceTarget: 1 }
        ---
        apiVersion: openslo/v1
        kind: SLO
        metadata:
          name: serving-errors
        spec:
          indicator:
            spec:
              ratioMetric:
                good: { metricSource: { type: Prometheus, spec: { query: 'sum(rate(http_requests_total{code!~"5.."}[5m]))' } } }
                total: { metricSource: { type: Prometheus, spec: { query: 'sum(rate(http_requests_total[5m]))' } } }
          timeWindow:
            - { duration: 28d, isRolling: true }
          budgetingMethod: Occurrences
          objectives:
            - target: 99.9%
        """;

    [Fact]
    public void Maps_slo_and_sli_documents_onto_the_policys_model()
    {
        var slos = OpenSloReader.Read(Documents, "slos.openslo.yaml");

        Assert.Equal(["serving-availability", "model-auc", "serving-errors"], slos.Select(s => s.Id));
        var availability = slos[0];
        Assert.Equal((SloFamily.Software, 0.995, 28, BudgetingMethod.Occurrences, 14), (availability.Family, availability.Objective, availability.WindowDays, availability.Budgeting, availability.Line));
        Assert.Equal(new FileSli("slis/availability.csv"), availability.Sli);

        var auc = slos[1];
        Assert.Equal((SloFamily.Model, 0.9, 7, BudgetingMethod.Timeslices, TimeSpan.FromDays(1), 1.0), (auc.Family, auc.Objective, auc.WindowDays, auc.Budgeting, auc.Slice, auc.SliceThreshold));
        Assert.Equal(new HistorySli("auc", null, 0.85, null), auc.Sli);

        var errors = Assert.IsType<PrometheusSli>(slos[2].Sli);
        Assert.Equal(("sum(rate(http_requests_total{code!~\"5..\"}[5m]))", "sum(rate(http_requests_total[5m]))"), (errors.Good, errors.Total));
        Assert.Equal(0.999, slos[2].Objective, 12);
    }

    [Fact]
    public void Unsupported_fields_are_named()
    {
        var error = Assert.Throws<InputException>(() => OpenSloReader.Read(Slo("Occurrences", "target: 0.99") + "  alertPolicies: [page]\n", "s.yaml"));

        Assert.StartsWith("s.yaml:15:3: SLO[a].spec: unknown key 'alertPolicies' (expected one of: ", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Occurrences", "target: 1", "s.yaml:14:17: SLO[a].spec.objectives[0].target: '1' leaves no error budget")]
    [InlineData("RatioTimeslices", "target: 0.99", "SLO[a].spec.budgetingMethod: expected one of Occurrences, Timeslices, got 'RatioTimeslices'")]
    [InlineData("Timeslices", "target: 0.99", "SLO[a].spec.objectives[0].timeSliceWindow: missing: Timeslices need a slice length")]
    [InlineData("Occurrences", "target: 0.99, timeSliceWindow: 1m", "SLO[a].spec.objectives[0].timeSliceWindow: applies to budgetingMethod: Timeslices only")]
    [InlineData("Occurrences", "target: 0.99, weight: 2", "SLO[a].spec.objectives[0]: unknown key 'weight'")]
    public void Objectives_are_checked(string method, string objective, string expected)
    {
        var error = Assert.Throws<InputException>(() => OpenSloReader.Read(Slo(method, objective), "s.yaml"));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Other_kinds_windows_and_sources_are_refused_by_name()
    {
        Assert.Contains(
            "kind: 'AlertPolicy' is not supported: Lockstep reads the kinds SLO and SLI",
            Assert.Throws<InputException>(() => OpenSloReader.Read("apiVersion: openslo/v1\nkind: AlertPolicy\nmetadata: { name: x }\nspec: {}\n", "s.yaml")).Message,
            StringComparison.Ordinal);
        Assert.Contains(
            "SLO[a].spec.timeWindow[0].isRolling: only rolling windows are supported: set isRolling: true",
            Assert.Throws<InputException>(() => OpenSloReader.Read(Slo("Occurrences", "target: 0.99").Replace("isRolling: true", "isRolling: false", StringComparison.Ordinal), "s.yaml")).Message,
            StringComparison.Ordinal);
        Assert.Contains(
            "SLO[a].spec.indicatorRef: no SLI named 'missing' in the file",
            Assert.Throws<InputException>(() => OpenSloReader.Read(Slo("Occurrences", "target: 0.99").Replace("indicator:\n    spec:\n      ratioMetric:", "indicatorRef: missing\n  x:\n      ratioMetric:", StringComparison.Ordinal), "s.yaml")).Message,
            StringComparison.Ordinal);
        Assert.Contains(
            "apiVersion: expected openslo/v1, got 'openslo/v2alpha'",
            Assert.Throws<InputException>(() => OpenSloReader.Read("apiVersion: openslo/v2alpha\nkind: SLO\nmetadata: { name: a }\nspec: {}\n", "s.yaml")).Message,
            StringComparison.Ordinal);
    }

    private static string Slo(string method, string objective) => $$"""
        apiVersion: openslo/v1
        kind: SLO
        metadata: { name: a }
        spec:
          indicator:
            spec:
              ratioMetric:
                good: { metricSource: { type: lockstep-file, spec: { path: a.csv } } }
                total: { metricSource: { type: lockstep-file, spec: { path: a.csv } } }
          timeWindow:
            - { duration: 28d, isRolling: true }
          budgetingMethod: {{method}}
          objectives:
            - { {{objective}} }

        """;
}

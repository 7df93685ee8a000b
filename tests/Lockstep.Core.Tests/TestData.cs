using Lockstep.Core.Contracts;
using Lockstep.Core.Gates;
using Lockstep.Core.Policy;

namespace Lockstep.Core.Tests;

/// <summary>Small builders for report cards and policies, so each test shows only what it is about.</summary>
internal static class TestData
{
    public static CardInput Card(string source, params (string Metric, double Value)[] metrics) =>
        new(source, new ReportCard
        {
            Schema = ReportCard.SchemaId,
            Model = new ModelInfo { Name = "model", Version = "1" },
            Metrics = metrics.ToDictionary(m => m.Metric, m => m.Value),
        });

    public static CardInput WithSlice(this CardInput input, string slice, params (string Metric, double Value)[] metrics) =>
        input with
        {
            Card = input.Card with
            {
                Slices = new Dictionary<string, IReadOnlyDictionary<string, double>>(input.Card.Slices)
                {
                    [slice] = metrics.ToDictionary(m => m.Metric, m => m.Value),
                },
            },
        };

    /// <summary>A policy of the given gates (YAML list items, without the leading dash indentation).</summary>
    public static GatePolicy PolicyOf(string gatesYaml, string firstModel = "fail") =>
        PolicyReader.Parse($"version: 1\nfirst_model: {firstModel}\ngates:\n{gatesYaml}", "lockstep.yml");

    public static GateOutcome EvaluateOne(string gateYaml, CardInput candidate, CardInput? baseline, string firstModel = "fail")
    {
        var result = GateEvaluator.Evaluate(PolicyOf(gateYaml, firstModel), candidate, baseline);
        return Assert.Single(result.Gates);
    }
}

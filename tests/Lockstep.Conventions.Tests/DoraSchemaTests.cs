using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Lockstep.Core.Dora;
using Lockstep.Core.Policy;

namespace Lockstep.Conventions.Tests;

/// <summary>The DORA report's schema accepts what <c>lockstep dora</c> writes; the policy schema accepts a policy with only a dora: section.</summary>
public class DoraSchemaTests
{
    private static readonly DateTimeOffset AsOf = new(2026, 11, 26, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_report_with_environments_no_lane_counts_is_valid()
    {
        DeliveryEvent[] events =
        [
            Deployment("c1", Lane.Code, "production"),
            Deployment("c2", Lane.Code, "staging"),
            Deployment("m1", Lane.Model, "model-serving"),
            new Incident { Lane = Lane.Model, Id = "INC-1", OpenedAt = AsOf.AddDays(-20) },
        ];
        var report = DoraCalculator.Calculate(events, new DoraSettings(), AsOf);

        Assert.Equal(2, report.UnmatchedEnvironments.Count);
        JsonSchemas.AssertValid(JsonSchemas.Project("dora.v1.schema.json", JsonNode.Parse(DoraReportJson.Serialize(report))));
    }

    [Fact]
    public void A_report_of_no_events_is_valid()
    {
        var report = DoraCalculator.Calculate([], new DoraSettings(), AsOf);

        JsonSchemas.AssertValid(JsonSchemas.Project("dora.v1.schema.json", JsonNode.Parse(DoraReportJson.Serialize(report))));
    }

    [Fact]
    public void A_report_with_drills_open_and_restored_is_valid()
    {
        DeliveryEvent[] events =
        [
            Deployment("m1", Lane.Model, "production"),
            new Incident { Lane = Lane.Model, Id = "fs", OpenedAt = AsOf.AddDays(-40), ResolvedAt = AsOf.AddDays(-40).AddHours(3), Drill = DrillScenarios.FeatureStore },
            new Incident { Lane = Lane.Model, Id = "mr", OpenedAt = AsOf.AddDays(-1), Drill = DrillScenarios.ModelRegistry },
            new Incident { Lane = Lane.Code, Id = "tc", OpenedAt = AsOf.AddDays(-2), ResolvedAt = AsOf.AddDays(-2).AddHours(1), Drill = DrillScenarios.TrainingCluster },
        ];
        var report = DoraCalculator.Calculate(events, new DoraSettings(), AsOf);

        Assert.Equal(3, report.Lanes.Sum(l => l.Drills.Count));
        JsonSchemas.AssertValid(JsonSchemas.Project("dora.v1.schema.json", JsonNode.Parse(DoraReportJson.Serialize(report))));
    }

    [Fact]
    public void A_drill_in_a_report_with_an_unknown_scenario_is_invalid()
    {
        var report = DoraCalculator.Calculate(
            [new Incident { Lane = Lane.Model, Id = "fs", OpenedAt = AsOf.AddDays(-1), Drill = DrillScenarios.FeatureStore }], new DoraSettings(), AsOf);
        var json = JsonNode.Parse(DoraReportJson.Serialize(report))!;
        json["lanes"]![1]!["drills"]![0]!["scenario"] = "data-center";

        Assert.False(JsonSchemas.Project("dora.v1.schema.json", json).IsValid);
    }

    [Theory]
    [InlineData(typeof(DoraReport), "properties")]
    [InlineData(typeof(UnmatchedEnvironment), "$defs/unmatchedEnvironment/properties")]
    [InlineData(typeof(DrillSummary), "$defs/drillSummary/properties")]
    public void Schema_and_report_type_have_the_same_properties(Type contract, string path)
    {
        var schema = JsonNode.Parse(Repository.Read("docs/schemas/dora.v1.schema.json"))!;
        var properties = path.Split('/').Aggregate(schema, (node, segment) => node[segment]!);

        Assert.Equal(
            contract.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => JsonNamingPolicy.SnakeCaseLower.ConvertName(p.Name)).Order(),
            properties.AsObject().Select(p => p.Key).Order());
    }

    [Fact]
    public void A_policy_with_only_a_dora_section_is_valid_for_the_schema_and_for_dora_but_not_for_the_gate()
    {
        const string Yaml = "version: 1\ndora:\n  lanes:\n    model:\n      environments: [model-production]\n";

        JsonSchemas.AssertValid(JsonSchemas.Project("policy.v1.schema.json", YamlToJson.Convert(Yaml)));
        Assert.True(PolicyReader.ReadDora(Yaml, "lockstep.yml").CountsAsProduction(Lane.Model, "model-production"));
        Assert.Throws<Lockstep.Core.InputException>(() => PolicyReader.Parse(Yaml, "lockstep.yml"));
    }

    private static Deployment Deployment(string id, Lane lane, string environment) => new()
    {
        Lane = lane,
        Id = id,
        Environment = environment,
        Status = DeploymentStatus.Success,
        CreatedAt = AsOf.AddDays(-3),
        FinishedAt = AsOf.AddDays(-3).AddMinutes(10),
    };
}

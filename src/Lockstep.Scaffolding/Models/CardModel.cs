using System.Globalization;
using Lockstep.Core.Contracts;
using Lockstep.Core.Gates;
using Lockstep.Core.Policy;
using Scriban.Runtime;

namespace Lockstep.Scaffolding.Models;

/// <summary>What the model card template reads: the report card's facts, metrics and slices, and the gates in words.</summary>
public static class CardModel
{
    /// <summary>Roles whose dataset is the evaluation data; every other role counts as training data.</summary>
    private static readonly string[] EvaluationRoles = ["test", "validation", "evaluation", "eval", "holdout"];

    public static ScriptObject Create(ReportCard card, GateResult? gate, GatePolicy? policy)
    {
        var evaluation = card.Datasets.Where(d => IsEvaluation(d.Role)).ToList();
        var metrics = card.Metrics.OrderBy(m => m.Key, StringComparer.Ordinal).ToList();
        return new ScriptObject
        {
            ["generated"] = true,
            ["model"] = Model(card.Model),
            ["hub_task"] = HubTask(card.Model.Task),
            ["run"] = new ScriptObject
            {
                ["commit"] = card.Run?.Commit ?? string.Empty,
                ["repository"] = card.Run?.Repository ?? string.Empty,
                ["seed"] = card.Run?.Seed is { } seed ? seed.ToString(CultureInfo.InvariantCulture) : string.Empty,
            },
            ["facts"] = Facts(card.Card),
            ["metrics"] = new ScriptArray(metrics.Select(m => Metric(m.Key, m.Value))),
            ["slices"] = new ScriptArray(card.Slices.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => new ScriptObject
            {
                ["name"] = s.Key,
                ["metrics"] = new ScriptArray(s.Value.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => Metric(m.Key, m.Value))),
            })),
            ["evaluation_data"] = new ScriptArray(evaluation.Select(Dataset)),
            ["training_data"] = new ScriptArray(card.Datasets.Where(d => !IsEvaluation(d.Role)).Select(Dataset)),
            ["index_dataset"] = evaluation.Count > 0 ? Dataset(evaluation[0]) : null,
            ["timeline"] = Timeline(card.Timeline),
            ["features"] = new ScriptArray(card.Features.Keys.Order(StringComparer.Ordinal)),
            ["gates"] = Gates(gate, policy),
        };
    }

    /// <summary>The card of a model that has no report card yet: name and task only, every section waiting for its facts.</summary>
    public static ScriptObject Placeholder(string name, string task)
    {
        var model = Create(
            new ReportCard
            {
                Schema = ReportCard.SchemaId,
                Model = new ModelInfo { Name = name, Version = "0.1.0", Task = task },
                Metrics = new Dictionary<string, double>(),
            },
            null,
            null);
        model["generated"] = false;
        return model;
    }

    private static ScriptObject Model(ModelInfo model) => new()
    {
        ["name"] = model.Name,
        ["version"] = model.Version,
        ["task"] = model.Task ?? string.Empty,
    };

    /// <summary>The Hugging Face task id for the model-index metadata.</summary>
    private static string HubTask(string? task) => task switch
    {
        "binary-classification" or "multiclass-classification" or "classification" => "tabular-classification",
        "regression" => "tabular-regression",
        null or "" => "tabular-classification",
        _ => task,
    };

    private static ScriptObject Facts(CardFacts? facts) => new()
    {
        ["intended_use"] = facts?.IntendedUse ?? string.Empty,
        ["limitations"] = facts?.Limitations ?? string.Empty,
        ["ethical_considerations"] = facts?.EthicalConsiderations ?? string.Empty,
        ["owners"] = new ScriptArray(facts?.Owners ?? []),
        ["license"] = facts?.License ?? string.Empty,
    };

    private static ScriptObject Metric(string name, double value) => new()
    {
        ["name"] = name,
        ["value"] = double.IsFinite(value) ? GateWords.Number(value) : value.ToString(CultureInfo.InvariantCulture),
        ["yaml_value"] = double.IsFinite(value) ? value.ToString("R", CultureInfo.InvariantCulture) : null,
    };

    private static ScriptObject Dataset(DatasetReference dataset) => new()
    {
        ["role"] = dataset.Role,
        ["uri"] = dataset.Uri,
        ["sha256"] = dataset.Sha256 ?? string.Empty,
        ["rows"] = dataset.Rows is { } rows ? rows.ToString(CultureInfo.InvariantCulture) : string.Empty,
    };

    private static ScriptObject Timeline(Timeline? timeline)
    {
        static string Time(DateTimeOffset? time) => time?.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) ?? string.Empty;
        return new ScriptObject
        {
            ["data_snapshot_at"] = Time(timeline?.DataSnapshotAt),
            ["trained_at"] = Time(timeline?.TrainedAt),
            ["evaluated_at"] = Time(timeline?.EvaluatedAt),
            ["deployed_at"] = Time(timeline?.DeployedAt),
        };
    }

    /// <summary>The gates in words: from the gate result when given (with each gate's outcome), else from the policy.</summary>
    private static ScriptObject Gates(GateResult? gate, GatePolicy? policy)
    {
        if (gate is not null)
        {
            return new ScriptObject
            {
                ["source"] = "result",
                ["verdict"] = gate.Verdict.ToString().ToLowerInvariant(),
                ["items"] = new ScriptArray(gate.Gates.Select(g => new ScriptObject
                {
                    ["id"] = g.Id,
                    ["subject"] = g.Slice is { } slice ? $"{g.Metric} for {slice}" : g.Metric,
                    ["bound"] = g.Bound,
                    ["action"] = GateWords.Action(g.Action),
                    ["status"] = g.Status.ToString().ToLowerInvariant(),
                    ["why"] = g.Why,
                })),
            };
        }

        return new ScriptObject
        {
            ["source"] = policy is null ? "none" : "policy",
            ["verdict"] = string.Empty,
            ["items"] = new ScriptArray((policy?.Gates ?? []).Select(g => new ScriptObject
            {
                ["id"] = g.Id,
                ["subject"] = GateWords.Subject(g),
                ["bound"] = string.Join(" or ", GateWords.Conditions(g)),
                ["action"] = GateWords.Action(g.Action),
                ["status"] = string.Empty,
                ["why"] = g.Message ?? string.Empty,
            })),
        };
    }

    private static bool IsEvaluation(string role) => EvaluationRoles.Contains(role, StringComparer.OrdinalIgnoreCase);
}

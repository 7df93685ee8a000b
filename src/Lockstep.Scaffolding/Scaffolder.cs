using Lockstep.Core.Contracts;
using Lockstep.Core.Gates;
using Lockstep.Core.Policy;
using Lockstep.Scaffolding.Engine;
using Lockstep.Scaffolding.Models;
using Scriban.Runtime;

namespace Lockstep.Scaffolding;

/// <summary>Which templates make up each scaffold, and the model each is rendered with.</summary>
public sealed class Scaffolder
{
    private readonly TemplateEngine engine;

    public Scaffolder(TemplateLibrary library)
    {
        engine = new TemplateEngine(library);
    }

    public GeneratedFile ModelCard(ReportCard card, GateResult? gate, GatePolicy? policy, string path = "MODEL_CARD.md") =>
        new(path, engine.Render("model-card.md.sbn", CardModel.Create(card, gate, policy)));

    /// <summary>The card of a model not trained yet: its name and task, and every section waiting for the report card.</summary>
    public GeneratedFile ModelCardPlaceholder(string name, string task, string path = "MODEL_CARD.md") =>
        new(path, engine.Render("model-card.md.sbn", CardModel.Placeholder(name, task)));

    /// <param name="firstModelAllowed">Whether a first model, with no baseline, may ship on its value bounds.</param>
    public GeneratedFile Policy(string task, bool firstModelAllowed, string path = "lockstep.yml") =>
        new(path, engine.Render("lockstep.yml.sbn", new ScriptObject
        {
            ["task"] = task,
            ["first_model"] = firstModelAllowed ? "allow" : "fail",
        }));

    public GeneratedFile Runbook(GatePolicy policy, string policyPath, string path = "RUNBOOK.md") =>
        new(path, engine.Render("runbook.md.sbn", RunbookModel.Create(policy, policyPath)));

    /// <summary>
    /// The workflows or pipelines for the chosen CI, and <c>deploy/serve.sh</c>, the seam they deploy through. With
    /// <c>retrain</c>, the scheduled monitor and the retraining its alerts start; with <c>drill</c>, the quarterly
    /// disaster-recovery drill.
    /// </summary>
    public IReadOnlyList<GeneratedFile> Pipelines(PipelineOptions options)
    {
        options.Validate();
        var files = new List<GeneratedFile>();
        if (options.Ci.IncludesGitHub())
        {
            if (options.Stages.Contains("validate"))
            {
                files.Add(Render(".github/workflows/lockstep-pr.yml", "github/lockstep-pr.yml.sbn", options));
            }

            if (options.Stages.Contains("train"))
            {
                files.Add(Render(".github/workflows/lockstep-delivery.yml", "github/lockstep-delivery.yml.sbn", options));
            }

            if (options.Stages.Contains("retrain"))
            {
                files.Add(Render(".github/workflows/lockstep-monitor.yml", "github/lockstep-monitor.yml.sbn", options));
                files.Add(Render(".github/workflows/lockstep-retrain.yml", "github/lockstep-retrain.yml.sbn", options));
            }

            if (options.Stages.Contains("drill"))
            {
                files.Add(Render(".github/workflows/lockstep-drill.yml", "github/lockstep-drill.yml.sbn", options));
            }
        }

        if (options.Ci.IncludesAzure())
        {
            files.Add(Render("azure-pipelines.yml", "azure-pipelines.yml.sbn", options));
            if (options.Stages.Contains("retrain"))
            {
                files.Add(Render("azure-pipelines-monitor.yml", "azure-pipelines-monitor.yml.sbn", options));
                files.Add(Render("azure-pipelines-retrain.yml", "azure-pipelines-retrain.yml.sbn", options));
            }

            if (options.Stages.Contains("drill"))
            {
                files.Add(Render("azure-pipelines-drill.yml", "azure-pipelines-drill.yml.sbn", options));
            }
        }

        files.Add(Render("deploy/serve.sh", "deploy/serve.sh.sbn", options));
        return files;
    }

    /// <summary>Renders one of the starter repository's templates.</summary>
    public string Render(string template, ScriptObject model) => engine.Render(template, model);

    private GeneratedFile Render(string path, string template, PipelineOptions options) =>
        new(path, engine.Render(template, PipelineModel.Create(options)));
}

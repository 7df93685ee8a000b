using Lockstep.Cli.Io;
using Lockstep.Core.Evaluation;

namespace Lockstep.Cli.Commands;

/// <summary>
/// <c>lockstep demo --scenario noisy</c>: one candidate that ranks about 3% worse than production, evaluated on 400
/// labelled rows and on 20,000, with the production model's scores on the same rows, and gated at 95% confidence. On
/// the small set the interval of the change straddles the allowed drop, so the gate is inconclusive and says how many
/// rows would settle it; on the large one the interval lies wholly beyond it, so the gate pages.
/// </summary>
internal static class NoisyDemo
{
    private const string ModelName = "churn-classifier";

    private const string ModelVersion = "1.5.0-rc1";

    private static readonly (string Name, int Rows, int Seed)[] Sets = [("small", 400, 15), ("large", 20_000, 7)];

    public static int Run(string dir, CliContext cli)
    {
        var policy = Path.Combine(dir, "lockstep.yml");
        AtomicFiles.WriteAll(
            [(policy, DemoCommand.Resource("noisy.yml")), .. Sets.Select(set => (Predictions(dir, set.Name), NoisyDemoData.Csv(set.Rows, set.Seed)))],
            cli);

        cli.Out.WriteLine($"Lockstep demo, scenario 'noisy': one candidate about 3% worse than production, judged on {Sets[0].Rows:N0} and on {Sets[1].Rows:N0} labelled rows");
        var exitCode = 0;
        foreach (var (name, rows, _) in Sets)
        {
            var predictions = Predictions(dir, name);
            var card = Path.Combine(dir, $"{name}-card.json");
            cli.Out.WriteLine();
            cli.Out.WriteLine(
                $"{rows:N0} rows: lockstep eval --predictions {predictions} --label churned --score p_candidate --baseline-score p_production " +
                $"--model-name {ModelName} --model-version {ModelVersion} --out {card}");
            EvalRun.ExecuteAsync(Eval(predictions, card), cli, CancellationToken.None).GetAwaiter().GetResult();
            cli.Out.WriteLine($"{rows:N0} rows: lockstep gate --policy {policy} --candidate {card}");
            cli.Out.WriteLine();
            var gate = new GateSettings(policy, card, null, Path.Combine(dir, $"{name}-result.json"), Path.Combine(dir, $"{name}-report.md"));
            exitCode = GateRun.Execute(gate, cli, cli.Runner).ExitCode;
        }

        return exitCode;
    }

    private static string Predictions(string dir, string name) => Path.Combine(dir, $"{name}.csv");

    private static EvalSettings Eval(string predictions, string card) =>
        new(predictions, "churned", "p_candidate", 0.5, null, [], PredictionTask.Binary, card, null, ModelName, ModelVersion, null)
        {
            BaselineScoreColumn = "p_production",
        };
}

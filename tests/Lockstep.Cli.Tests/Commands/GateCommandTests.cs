namespace Lockstep.Cli.Tests.Commands;

public sealed class GateCommandTests : IDisposable
{
    private readonly CliHarness cli = new();

    private static readonly string[] DemoArgs =
        ["gate", "--policy", "lockstep.yml", "--candidate", "candidate.json", "--baseline", "baseline.json"];

    [Fact]
    public void Help_documents_every_option_with_an_example()
    {
        var run = cli.Run("gate", "--help");

        Assert.Equal(0, run.ExitCode);
        foreach (var option in new[] { "--policy", "--candidate", "--baseline", "--out", "--markdown" })
        {
            Assert.Contains(option, run.Out, StringComparison.Ordinal);
        }

        Assert.Contains("Examples:\n    lockstep gate --policy lockstep.yml --candidate candidate.json", run.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("pass", 0, "verdict: pass")]
    [InlineData("warn", 0, "verdict: warn")]
    [InlineData("fail", 1, "verdict: fail")]
    public void Exit_code_follows_the_verdict(string scenario, int exitCode, string verdictLine)
    {
        cli.WriteDemoInputs(scenario);

        var run = cli.Run(DemoArgs);

        Assert.True(exitCode == run.ExitCode, run.ToString());
        Assert.Contains(verdictLine, run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Writes_the_json_result_and_the_markdown_report()
    {
        cli.WriteDemoInputs("fail");

        var run = cli.Run([.. DemoArgs, "--out", "out/result.json", "--markdown", "out/report.md"]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("\"verdict\": \"fail\"", cli.Read("out/result.json"), StringComparison.Ordinal);
        Assert.StartsWith("<!-- lockstep:gate -->\n### ❌ Lockstep gate: **fail** — roll back", cli.Read("out/report.md"), StringComparison.Ordinal);
        Assert.Contains("wrote out/result.json\nwrote out/report.md\n", run.Out, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(Path.Combine(cli.Directory, "out"), "*.tmp"));
    }

    public static TheoryData<string, string, string[], string> BadInputs => new()
    {
        { "missing file", "", ["--candidate", "nope.json"], "error: nope.json: file not found\n" },
        { "invalid JSON", "candidate.json=>{ \"schema\": \"lockstep.report-card/v1\",\n  \"metrics\": { \"auc\": 0.9, }", [], "error: candidate.json:2: $.metrics.auc: invalid JSON" },
        { "YAML syntax error", "lockstep.yml=>version: 1\ngates:\n  - { id: a, metric: auc\n", [], "error: lockstep.yml:4:1: invalid YAML" },
        { "unknown key", "lockstep.yml=>version: 1\ngates:\n  - id: a\n    metric: auc\n    mni: 0.5\n", [], "error: lockstep.yml:5:5: gates[0]: unknown key 'mni' (did you mean 'min'?)\n" },
        { "wrong type", "lockstep.yml=>version: 1\ngates:\n  - id: a\n    metric: auc\n    min: [0.5]\n", [], "error: lockstep.yml:5:10: gates[a].min: expected a number, got a list\n" },
        { "empty policy", "lockstep.yml=>", [], "error: lockstep.yml: the policy is empty" },
        { "duplicate gate id", "lockstep.yml=>version: 1\ngates:\n  - { id: a, metric: auc, min: 0.5 }\n  - { id: a, metric: f1, min: 0.5 }\n", [], "error: lockstep.yml:4:5: gates[1].id: duplicate gate id 'a' (first defined on line 3)\n" },
        { "NaN metric", "candidate.json=>" + Card("\"auc\": \"NaN\""), [], "error: candidate.json: $.metrics['auc']: the candidate's 'auc' is NaN, expected a finite number (gate 'a', lockstep.yml line 3)\n" },
        { "missing metric", "candidate.json=>" + Card("\"f1\": 0.9"), [], "error: candidate.json: $.metrics['auc']: the candidate has no metric 'auc' (gate 'a', lockstep.yml line 3)\n" },
        { "zero baseline, relative bound", "baseline.json=>" + Card("\"auc\": 0"), ["--baseline", "baseline.json"], "error: baseline.json: $.metrics['auc']: the baseline is exactly 0, so a relative bound cannot be applied; use an absolute amount (gate 'a', lockstep.yml line 3)\n" },
        { "missing required option", "", ["--candidate"], "error: Required argument missing for option: '--candidate'." },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void Bad_input_exits_2_with_one_line_naming_the_file_and_line_or_field(string because, string file, string[] args, string expectedError)
    {
        cli.Write("lockstep.yml", "version: 1\ngates:\n  - { id: a, metric: auc, max_regression: 3% }\n");
        cli.Write("candidate.json", Card("\"auc\": 0.9"));
        if (file.Split("=>") is [var name, var content])
        {
            cli.Write(name, content);
        }

        var run = cli.Run(["gate", "--out", "result.json", .. (args.Length > 0 && args[0] == "--candidate" ? [] : new[] { "--candidate", "candidate.json" }), .. args]);

        Assert.True(run.ExitCode == 2, $"{because}: {run}");
        Assert.True(run.Error.StartsWith(expectedError, StringComparison.Ordinal), $"{because}: {run}");
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_of_the_policy_is_one_error_line_in_the_same_run()
    {
        cli.Write("lockstep.yml", "version: 1\ngates:\n  - id: auc drop\n    metric: acu\n    min: 0.5\n  - { id: b, metric: f1, min: 0.5, action: alert }\n");
        cli.Write("candidate.json", Card("\"auc\": 0.9"));

        var run = cli.Run("gate", "--candidate", "candidate.json", "--out", "result.json");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(
            [
                "error: lockstep.yml:3:9: gates[0].id: gate id 'auc drop' may contain only letters (A–Z, a–z), digits (0–9), '.', '_' and '-', starting with a letter or a digit",
                "error: lockstep.yml:4:13: gates[0].metric: unknown metric 'acu' (did you mean 'auc'?): if the name is right, add `higher_is_better: true` or `false` to say which way is better",
                "error: lockstep.yml:6:44: gates[b].action: expected one of rollback, page, block, warn, got 'alert'",
            ],
            run.Error.TrimEnd('\n').Split('\n'));
        Assert.False(cli.Exists("result.json"));
    }

    [Fact]
    public void Input_error_writes_nothing()
    {
        cli.WriteDemoInputs("pass");
        cli.Write("baseline.json", "{");

        var run = cli.Run([.. DemoArgs, "--out", "result.json", "--markdown", "report.md"]);

        Assert.Equal(2, run.ExitCode);
        Assert.False(cli.Exists("result.json"));
        Assert.False(cli.Exists("report.md"));
    }

    [Fact]
    public void Undecided_gate_still_writes_a_complete_result_saying_error()
    {
        cli.Write("lockstep.yml", "version: 1\ngates:\n  - { id: a, metric: auc, min: 0.5 }\n");
        cli.Write("candidate.json", Card("\"f1\": 0.9"));

        var run = cli.Run("gate", "--candidate", "candidate.json", "--out", "result.json");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("\"verdict\": \"error\"", cli.Read("result.json"), StringComparison.Ordinal);
    }

    [Fact]
    public void Colour_only_on_a_terminal_and_never_with_NO_COLOR()
    {
        cli.WriteDemoInputs("fail");

        var redirected = cli.Run(DemoArgs);
        cli.Terminal = true;
        var terminal = cli.Run(DemoArgs);
        cli.Environment["NO_COLOR"] = "1";
        var noColor = cli.Run(DemoArgs);

        Assert.DoesNotContain('\u001b', redirected.Out);
        Assert.Contains('\u001b', terminal.Out);
        Assert.DoesNotContain('\u001b', noColor.Out);
    }

    private static string Card(string metrics) =>
        $$"""{ "schema": "lockstep.report-card/v1", "model": { "name": "m", "version": "1" }, "metrics": { {{metrics}} } }""";

    public void Dispose() => cli.Dispose();
}

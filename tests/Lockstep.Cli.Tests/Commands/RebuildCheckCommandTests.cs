using System.Text.Json.Nodes;

namespace Lockstep.Cli.Tests.Commands;

public sealed class RebuildCheckCommandTests : IDisposable
{
    private const string Train = "4f2a9c61d0e3b8a7f5c4e2d1b0a9f8e7d6c5b4a3928170f6e5d4c3b2a1908f7e";
    private const string Changed = "9c1b44e0a7f3d2c1b0e9f8a7d6c5b4a3f2e1d0c9b8a7f6e5d4c3b2a1f0e9d802";
    private readonly CliHarness cli = new();

    [Fact]
    public void The_same_card_rebuilt_is_identical_and_exits_0()
    {
        cli.Write("registered.json", Card());
        cli.Write("rebuilt.json", Card(version: "1.4.0-rebuild.1"));

        var run = cli.Run("rebuild-check", "--registered", "registered.json", "--rebuilt", "rebuilt.json");

        Assert.Equal((0, "identical\n", string.Empty), (run.ExitCode, run.Out, run.Error));
    }

    [Fact]
    public void A_changed_pin_and_metric_are_named_line_by_line_and_exit_1()
    {
        cli.Write("registered.json", Card());
        cli.Write("rebuilt.json", Card(digest: Changed, auc: 0.8398));

        var run = cli.Run("rebuild-check", "--registered", "registered.json", "--rebuilt", "rebuilt.json");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(
            $"""
            data pin 'train' (data/train.csv): sha256 {Train} registered, {Changed} rebuilt
            metric 'auc': 0.8412 registered, 0.8398 rebuilt (−0.0014, tolerance 1e-9)
            differs (2 differences)

            """,
            run.Out);
    }

    [Fact]
    public void The_tolerance_option_widens_the_metric_comparison()
    {
        cli.Write("registered.json", Card());
        cli.Write("rebuilt.json", Card(auc: 0.8398));

        Assert.Equal(0, cli.Run("rebuild-check", "--registered", "registered.json", "--rebuilt", "rebuilt.json", "--tolerance", "0.002").ExitCode);
        Assert.Equal(1, cli.Run("rebuild-check", "--registered", "registered.json", "--rebuilt", "rebuilt.json", "--tolerance", "0.001").ExitCode);
    }

    [Fact]
    public void A_registered_card_without_a_commit_cannot_tell_and_exits_2()
    {
        cli.Write("registered.json", Card(commit: null));
        cli.Write("rebuilt.json", Card());

        var run = cli.Run("rebuild-check", "--registered", "registered.json", "--rebuilt", "rebuilt.json", "--json", "check.json");

        Assert.Equal((2, "cannot tell: run.commit: missing from the registered card\nwrote check.json\n"), (run.ExitCode, run.Out));
        Assert.Equal("cannot_tell", (string?)JsonNode.Parse(cli.Read("check.json"))!["verdict"]);
    }

    [Fact]
    public void An_unreadable_card_is_one_error_line_exit_2_and_nothing_written()
    {
        cli.Write("registered.json", Card());
        cli.Write("rebuilt.json", "{ \"schema\": \"lockstep.report-card/v1\",\n  \"model\": 3 }");

        var run = cli.Run("rebuild-check", "--registered", "registered.json", "--rebuilt", "rebuilt.json", "--json", "check.json", "--markdown", "check.md");

        Assert.Equal(2, run.ExitCode);
        Assert.Matches(@"^error: rebuilt\.json:2: \$\.model: [^\n]+\n$", run.Error);
        Assert.Equal(string.Empty, run.Out);
        Assert.False(cli.Exists("check.json") || cli.Exists("check.md"));
    }

    [Fact]
    public void A_rebuild_check_result_given_as_a_card_is_named_for_what_it_is()
    {
        cli.Write("registered.json", Card());
        cli.Run("rebuild-check", "--registered", "registered.json", "--rebuilt", "registered.json", "--json", "check.json");

        var run = cli.Run("rebuild-check", "--registered", "registered.json", "--rebuilt", "check.json");

        Assert.Equal(
            (2, "error: check.json: is a rebuild check (lockstep.rebuild-check/v1), expected a report card (lockstep.report-card/v1)\n"),
            (run.ExitCode, run.Error));
    }

    [Fact]
    public void A_missing_card_is_named()
    {
        cli.Write("registered.json", Card());

        var run = cli.Run("rebuild-check", "--registered", "registered.json", "--rebuilt", "nowhere.json");

        Assert.Equal((2, "error: nowhere.json: file not found\n"), (run.ExitCode, run.Error));
    }

    [Theory]
    [InlineData("-1", "error: --tolerance must be a finite number ≥ 0, got -1\n")]
    [InlineData("1e400", "error: --tolerance expects a number, got ")]
    [InlineData("NaN", "error: --tolerance expects a number, got ")]
    public void A_negative_or_not_finite_tolerance_is_a_usage_error(string tolerance, string expected)
    {
        cli.Write("registered.json", Card());

        var run = cli.Run("rebuild-check", "--registered", "registered.json", "--rebuilt", "registered.json", "--tolerance", tolerance);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith(expected, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_json_result_and_the_markdown_table_name_each_difference()
    {
        cli.Write("registered.json", Card());
        cli.Write("rebuilt.json", Card(digest: Changed, auc: 0.8398));

        var run = cli.Run("rebuild-check", "--registered", "registered.json", "--rebuilt", "rebuilt.json", "--json", "out/check.json", "-m", "out/check.md");

        Assert.Equal(1, run.ExitCode);
        Assert.EndsWith("differs (2 differences)\nwrote out/check.json\nwrote out/check.md\n", run.Out, StringComparison.Ordinal);
        var json = JsonNode.Parse(cli.Read("out/check.json"));
        Assert.Equal(("lockstep.rebuild-check/v1", "differs", 1e-9), ((string?)json!["schema"], (string?)json["verdict"], (double?)json["tolerance"]));
        Assert.Equal(["data_pin", "metric"], json["differences"]!.AsArray().Select(d => (string?)d!["kind"]));
        Assert.Equal(["registered", "rebuilt"], json["inputs"]!.AsArray().Select(i => (string?)i!["role"]));
        var markdown = cli.Read("out/check.md");
        Assert.StartsWith("## Rebuild check: ❌ differs (2 differences)\n", markdown, StringComparison.Ordinal);
        Assert.Contains($"| data pin | train sha256 | {Train} | {Changed} |  |", markdown, StringComparison.Ordinal);
        Assert.Equal(["check.json", "check.md"], Directory.GetFiles(Path.Combine(cli.Directory, "out")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void An_output_that_names_an_input_is_refused()
    {
        cli.Write("registered.json", Card());

        var run = cli.Run("rebuild-check", "--registered", "registered.json", "--rebuilt", "registered.json", "--json", "registered.json");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--json", run.Error, StringComparison.Ordinal);
        Assert.Equal(Card(), cli.Read("registered.json"));
    }

    private static string Card(string? commit = "9f1c2e4b7a0d3c6e5f8a1b2c3d4e5f6a7b8c9d0e", string digest = Train, double auc = 0.8412, string version = "1.4.0")
    {
        var run = commit is null ? "{ \"seed\": 42 }" : $"{{ \"commit\": \"{commit}\", \"seed\": 42 }}";
        return $$"""
            { "schema": "lockstep.report-card/v1",
              "model": { "name": "churn", "version": "{{version}}" },
              "run": {{run}},
              "datasets": [ { "role": "train", "uri": "data/train.csv", "sha256": "{{digest}}", "rows": 100 } ],
              "metrics": { "auc": {{auc.ToString(System.Globalization.CultureInfo.InvariantCulture)}} } }
            """;
    }

    public void Dispose() => cli.Dispose();
}

using CsCheck;
using Lockstep.Cli.Commands;
using Lockstep.Tests.Shared;

namespace Lockstep.Cli.Tests.Commands;

/// <summary>
/// What the commands do with inputs that would otherwise destroy or lie: an output naming an input, a freshness
/// timestamp after --as-of, another Lockstep kind of JSON, and damaged files run through the real command.
/// </summary>
public sealed class InputSafetyTests : IDisposable
{
    private readonly CliHarness cli = new();

    public static TheoryData<string[], string, string> OutputsNamingInputs => new()
    {
        { ["gate", "--policy", "lockstep.yml", "--candidate", "candidate.json", "--out", "./candidate.json"], "candidate.json", "error: ./candidate.json: --out names the same file as the input --candidate (candidate.json): writing it would overwrite it; choose another path\n" },
        { ["gate", "--policy", "lockstep.yml", "--candidate", "candidate.json", "--markdown", "sub/../lockstep.yml"], "lockstep.yml", "error: sub/../lockstep.yml: --markdown names the same file as the input --policy (lockstep.yml): writing it would overwrite it; choose another path\n" },
        { ["gate", "--policy", "lockstep.yml", "--candidate", "candidate.json", "--out", "r.json", "--markdown", "r.json"], "candidate.json", "error: r.json: --markdown names the same file as the output --out: writing it would overwrite it; choose another path\n" },
        { ["dora", "--events", "events.jsonl", "--json", "events.jsonl"], "events.jsonl", "error: events.jsonl: --json names the same file as the input --events: writing it would overwrite it; choose another path\n" },
        { ["eval", "--predictions", "preds.csv", "--label", "y", "--score", "p", "--model-name", "m", "--model-version", "1", "--out", "preds.csv"], "preds.csv", "error: preds.csv: --out names the same file as the input --predictions: writing it would overwrite it; choose another path\n" },
        { ["freshness", "--data", "preds.csv", "--timestamp", "at", "--out", "./preds.csv"], "preds.csv", "error: ./preds.csv: --out names the same file as the input --data (preds.csv): writing it would overwrite it; choose another path\n" },
        { ["drift", "--reference", "preds.csv", "--current", "preds.csv", "--out", "preds.csv"], "preds.csv", "error: preds.csv: --out names the same file as the input --reference: writing it would overwrite it; choose another path\n" },
        { ["report", "--gate", "candidate.json", "--out", "candidate.json"], "candidate.json", "error: candidate.json: --out names the same file as the input --gate: writing it would overwrite it; choose another path\n" },
        { ["card", "--report", "candidate.json", "--out", "candidate.json"], "candidate.json", "error: candidate.json: --out names the same file as the input --report: writing it would overwrite it; choose another path\n" },
        { ["scaffold", "runbook", "--policy", "lockstep.yml", "--out", "lockstep.yml"], "lockstep.yml", "error: lockstep.yml: --out names the same file as the input --policy: writing it would overwrite it; choose another path\n" },
    };

    [Theory]
    [MemberData(nameof(OutputsNamingInputs))]
    public void An_output_naming_an_input_is_refused_and_the_input_is_untouched(string[] args, string input, string expected)
    {
        WriteInputs();
        var before = cli.Read(input);

        var run = cli.Run(args);

        Assert.Equal((2, expected), (run.ExitCode, run.Error));
        Assert.Equal(before, cli.Read(input));
    }

    [Fact]
    public void An_output_reaching_an_input_through_a_symbolic_link_is_refused()
    {
        WriteInputs();
        File.CreateSymbolicLink(Path.Combine(cli.Directory, "link.json"), Path.Combine(cli.Directory, "candidate.json"));

        var run = cli.Run("gate", "--policy", "lockstep.yml", "--candidate", "candidate.json", "--out", "link.json");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error: link.json: --out names the same file as the input --candidate", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_output_that_cannot_be_written_is_named_never_the_temporary_file()
    {
        WriteInputs();

        var run = cli.Run("gate", "--policy", "lockstep.yml", "--candidate", "candidate.json", "--out", "lockstep.yml/result.json");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error: lockstep.yml/result.json: cannot write: ", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(".tmp", run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void A_freshness_timestamp_after_as_of_is_an_error_naming_its_line()
    {
        cli.Write("features.csv", "feature,at\nage,2026-11-25T00:00:00Z\nage,2026-11-26T07:00:00Z\n");

        var run = cli.Run("freshness", "--data", "features.csv", "--timestamp", "at", "--as-of", "2026-11-26T06:00:00Z", "--out", "fresh.json");

        Assert.Equal(
            (2, "error: features.csv:3: column 'at': 2026-11-26T07:00:00Z is after 2026-11-26T06:00:00Z, the time the ages are measured at (--as-of); a newer timestamp would give a negative age\n"),
            (run.ExitCode, run.Error));
        Assert.False(cli.Exists("fresh.json"));
    }

    [Theory]
    [InlineData("01/12/2026")]
    [InlineData("10:30")]
    public void A_culture_dependent_as_of_is_a_usage_error(string asOf)
    {
        WriteInputs();

        var run = cli.Run("freshness", "--data", "preds.csv", "--timestamp", "at", "--as-of", asOf, "--out", "fresh.json");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"error: --as-of: expected an ISO 8601 time such as 2026-11-26", run.Error, StringComparison.Ordinal);
        Assert.Contains($"got '{asOf}'", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_DORA_report_given_as_the_gate_result_is_named_for_what_it_is()
    {
        cli.Write("events.jsonl", DemoCommand.Resource("events.jsonl"));
        Assert.Equal(0, cli.Run("dora", "--events", "events.jsonl", "--as-of", "2026-11-26T00:00:00Z", "--json", "dora.json").ExitCode);

        var run = cli.Run("report", "--gate", "dora.json");

        Assert.Equal((2, "error: dora.json: is a DORA report (lockstep.dora/v1), expected a gate result (lockstep.gate-result/v1)\n"), (run.ExitCode, run.Error));
    }

    [Fact]
    public void Damaged_events_files_end_dora_with_exit_2_and_one_line()
    {
        var original = System.Text.Encoding.UTF8.GetBytes(DemoCommand.Resource("events.jsonl"));
        var runs = 0;
        ByteMutations.Of(original).Sample(
            bytes =>
            {
                var name = $"events-{Interlocked.Increment(ref runs)}.jsonl";
                File.WriteAllBytes(Path.Combine(cli.Directory, name), bytes);
                var run = cli.Run("dora", "--events", name, "--as-of", "2026-11-26T00:00:00Z");
                Assert.True(run.ExitCode is 0 or 2, run.ToString());
                Assert.True(run.ExitCode == 0 || (run.Error.StartsWith($"error: {name}", StringComparison.Ordinal) && run.Error.Count(c => c == '\n') == 1), run.ToString());
            },
            iter: 60,
            threads: 1);
    }

    [Fact]
    public async Task Damaged_parquet_files_end_eval_with_exit_2_and_one_line()
    {
        var rows = string.Join('\n', Enumerable.Range(0, 100).Select(i => $"{i % 2},{i / 100.0}"));
        await ParquetFiles.WriteAsync(Path.Combine(cli.Directory, "preds.parquet"), "y,p\n" + rows);
        var original = File.ReadAllBytes(Path.Combine(cli.Directory, "preds.parquet"));
        var runs = 0;
        ByteMutations.Of(original).Sample(
            bytes =>
            {
                var name = $"preds-{Interlocked.Increment(ref runs)}.parquet";
                File.WriteAllBytes(Path.Combine(cli.Directory, name), bytes);
                var run = cli.Run("eval", "--predictions", name, "--label", "y", "--score", "p", "--model-name", "m", "--model-version", "1", "--out", $"{name}.json");
                Assert.True(run.ExitCode is 0 or 2, run.ToString());
                Assert.True(run.ExitCode == 0 || (run.Error.StartsWith($"error: {name}", StringComparison.Ordinal) && run.Error.Count(c => c == '\n') == 1), run.ToString());
            },
            iter: 60,
            threads: 1);
    }

    private void WriteInputs()
    {
        cli.WriteDemoInputs();
        cli.Write("events.jsonl", DemoCommand.Resource("events.jsonl"));
        cli.Write("preds.csv", "y,p,at\n1,0.9,2026-11-25T00:00:00Z\n0,0.2,2026-11-25T00:00:00Z\n");
    }

    public void Dispose() => cli.Dispose();
}

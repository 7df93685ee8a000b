using System.Text;
using Lockstep.Core.Contracts;
using Lockstep.Core.Dora;
using Lockstep.Core.Freshness;
using Lockstep.Core.Gates;
using Lockstep.Core.Pinning;
using Lockstep.Core.Policy;
using Lockstep.Tests.Shared;

namespace Lockstep.Core.Tests.Json;

/// <summary>
/// Every reader of Core turns any damaged copy of a real input into a value or one <see cref="InputException"/> line
/// naming the file, never another exception. Text readers get the damaged bytes decoded as the CLI would after its
/// strict UTF-8 check, or with replacement characters where the damage made them invalid.
/// </summary>
public sealed class DamagedInputTests
{
    private const long Iterations = 400;

    private static byte[] Sample(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Samples", name));

    private static string Text(byte[] bytes) => Encoding.UTF8.GetString(bytes);

    [Fact]
    public void Events_lines_give_events_or_an_input_error()
    {
        ByteMutations.ReadOrInputError(
            Sample("events.jsonl"), "events.jsonl", bytes => EventsReader.Read(new MemoryStream(bytes), "events.jsonl"), Iterations);
    }

    [Fact]
    public void Events_with_invalid_UTF8_inside_a_string_are_an_input_error_naming_the_line()
    {
        var line = "{\"type\":\"deployment\",\"lane\":\"code\",\"id\":\"d\u00FF-1\",\"environment\":\"production\",\"sha\":\"a\",\"status\":\"success\",\"created_at\":\"2026-11-26T06:00:00Z\",\"finished_at\":\"2026-11-26T06:00:00Z\"}\n";
        var bytes = Encoding.Latin1.GetBytes(line);

        var error = Assert.Throws<InputException>(() => EventsReader.Read(new MemoryStream(bytes), "events.jsonl"));

        Assert.Equal("events.jsonl:1: $: is not valid UTF-8 text", error.Message);
    }

    [Fact]
    public void Policies_give_a_policy_or_an_input_error()
    {
        ByteMutations.ReadOrInputError(Sample("lockstep.yml"), "lockstep.yml", bytes => PolicyReader.Parse(Text(bytes), "lockstep.yml"), Iterations);
    }

    [Fact]
    public void Report_cards_give_a_card_or_an_input_error()
    {
        ByteMutations.ReadOrInputError(Sample("baseline.json"), "card.json", bytes => ReportCardReader.Parse(Text(bytes), "card.json"), Iterations);
    }

    [Fact]
    public void Gate_results_give_a_result_or_an_input_error()
    {
        ByteMutations.ReadOrInputError(Encoding.UTF8.GetBytes(GateResultJson.Serialize(DemoGateResult())), "result.json", bytes => GateResultJson.Parse(Text(bytes), "result.json"), Iterations);
    }

    [Fact]
    public void Dora_reports_give_a_report_or_an_input_error()
    {
        var events = EventsReader.Read(new MemoryStream(Sample("events.jsonl")), "events.jsonl").Events;
        var report = DoraCalculator.Calculate(events, new DoraSettings(), new DateTimeOffset(2026, 11, 26, 0, 0, 0, TimeSpan.Zero));

        ByteMutations.ReadOrInputError(Encoding.UTF8.GetBytes(DoraReportJson.Serialize(report)), "dora.json", bytes => DoraReportJson.Parse(Text(bytes), "dora.json"), 150);
    }

    [Fact]
    public void Freshness_reports_give_a_report_or_an_input_error()
    {
        var asOf = new DateTimeOffset(2026, 11, 26, 6, 0, 0, TimeSpan.Zero);
        var report = FreshnessReport.Create(asOf, new InputDigest("data", "features.csv", new string('a', 64)), new Dictionary<string, DateTimeOffset> { ["age"] = asOf.AddHours(-3) });

        ByteMutations.ReadOrInputError(Encoding.UTF8.GetBytes(FreshnessReportJson.Serialize(report)), "fresh.json", bytes => FreshnessReportJson.Parse(Text(bytes), "fresh.json"), Iterations);
    }

    [Fact]
    public void Data_locks_give_a_lock_or_an_input_error()
    {
        var lockFile = new DataLockFile
        {
            Schema = DataLockFile.SchemaId,
            Files = new Dictionary<string, DataPin> { ["data/train.csv"] = new() { Sha256 = new string('0', 64), Size = 12 }, ["data/test.csv"] = new() { Sha256 = new string('f', 64), Size = 3 } },
        };

        ByteMutations.ReadOrInputError(Encoding.UTF8.GetBytes(DataLockJson.Serialize(lockFile)), "data.lock.json", bytes => DataLockJson.Parse(Text(bytes), "data.lock.json"), Iterations);
    }

    private static GateResult DemoGateResult()
    {
        var policy = PolicyReader.Parse(Text(Sample("lockstep.yml")), "lockstep.yml");
        var candidate = new CardInput("candidate.json", ReportCardReader.Parse(Text(Sample("candidate-fail.json")), "candidate.json"));
        var baseline = new CardInput("baseline.json", ReportCardReader.Parse(Text(Sample("baseline.json")), "baseline.json"));
        return GateEvaluator.Evaluate(policy, candidate, baseline);
    }
}

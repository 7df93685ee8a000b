using Lockstep.Core.Dora;
using Lockstep.Core.Gates;
using Lockstep.Core.Policy;
using Lockstep.Core.Reporting;
using Lockstep.Core.Tests.Dora;

namespace Lockstep.Browser.Tests.Reporting;

/// <summary>
/// Two-lane delivery histories shaped like the demo's and like its edges: a quiet lane, a busy lane, 30- and 90-day
/// windows, short and long stage strips. Deterministic, so a failing chart can be reproduced.
/// </summary>
internal static class ChartHistories
{
    public static readonly DateTimeOffset AsOf = new(2026, 11, 24, 18, 0, 0, TimeSpan.Zero);

    /// <summary>The comments to check, by name: what varies is in the name.</summary>
    public static TheoryData<string> Names { get; } = new(
        "demo-like, 30 days",
        "demo-like, 90 days",
        "quiet code lane, 30 days",
        "busy code lane, 30 days",
        "busy code lane, 90 days",
        "short stage strip (minutes)",
        "long stage strip (weeks)",
        "7 days",
        "31 days, busy");

    public static string Comment(string name) => PrReport.Render(
        new PrReportInput { Gate = Gate, Policy = new PolicyLink("lockstep.yml"), Dora = Report(name), Lane = Lane.Model },
        65_536);

    public static DoraReport Report(string name) => name switch
    {
        "demo-like, 30 days" => Calculate(30, DemoCode(120), Model(40, StageHours.Demo)),
        "demo-like, 90 days" => Calculate(90, DemoCode(360), Model(120, StageHours.Demo)),
        "quiet code lane, 30 days" => Calculate(30, Quiet(120), Model(40, StageHours.Demo)),
        "busy code lane, 30 days" => Calculate(30, Busy(120), Model(40, StageHours.Demo)),
        "busy code lane, 90 days" => Calculate(90, Busy(360), Model(120, StageHours.Demo)),
        "short stage strip (minutes)" => Calculate(30, DemoCode(120), Model(40, StageHours.Short)),
        "long stage strip (weeks)" => Calculate(30, DemoCode(120), Model(40, StageHours.Long)),
        "7 days" => Calculate(7, DemoCode(28), Model(10, StageHours.Demo)),
        "31 days, busy" => Calculate(31, Busy(124), Model(40, StageHours.Long)),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no such history"),
    };

    private static readonly GateResult Gate = new()
    {
        Verdict = Verdict.Pass,
        Gates = [new GateOutcome { Id = "auc", Metric = "auc", Status = GateStatus.Pass, Action = RunbookAction.Block, Candidate = 0.87, Bound = "≥ 0.8", Why = "0.87 is at least 0.8", Line = 3 }],
    };

    private static DoraReport Calculate(int windowDays, IEnumerable<DeliveryEvent> code, IEnumerable<DeliveryEvent> model) =>
        DoraCalculator.Calculate([.. code.Concat(model)], new DoraSettings { WindowDays = windowDays }, AsOf);

    /// <summary>0 to 3 deployments a day, a failure now and then.</summary>
    private static IEnumerable<DeliveryEvent> DemoCode(int days) => Code(days, day => (day * 7 % 5) switch { 0 => 0, 1 or 2 => 1, 3 => 2, _ => 3 });

    /// <summary>One deployment every nine days.</summary>
    private static IEnumerable<DeliveryEvent> Quiet(int days) => Code(days, day => day % 9 == 0 ? 1 : 0);

    /// <summary>9 to 16 deployments a day.</summary>
    private static IEnumerable<DeliveryEvent> Busy(int days) => Code(days, day => 9 + (day * 5 % 8));

    private static IEnumerable<DeliveryEvent> Code(int days, Func<int, int> perDay)
    {
        for (var day = 0; day < days; day++)
        {
            for (var n = 0; n < perDay(day); n++)
            {
                var id = $"code-{day:D3}-{n:D2}";
                var finished = AsOf.AddDays(-days + day).AddHours(8 + n % 10).AddMinutes(n * 3);
                var failed = (day + n) % 17 == 0;
                yield return Events.Deploy(id, finished, Lane.Code, failed ? DeploymentStatus.RolledBack : DeploymentStatus.Success, TimeSpan.FromHours(20 + (day % 7)));
                if (failed)
                {
                    yield return Events.Incident("INC-" + id, finished.AddMinutes(30), TimeSpan.FromHours(1.5), id);
                }
            }
        }
    }

    private static IEnumerable<DeliveryEvent> Model(int days, StageHours hours)
    {
        for (var day = 1; day < days; day += 6)
        {
            var finished = AsOf.AddDays(-days + day).AddHours(12);
            var evaluated = finished.AddHours(-hours.EvaluatedToDeployed);
            var trained = evaluated.AddHours(-hours.TrainedToEvaluated);
            var snapshot = trained.AddHours(-hours.SnapshotToTrained);
            var stages = new StageTimes { DataSnapshotAt = snapshot, TrainedAt = trained, EvaluatedAt = evaluated };
            var status = day % 4 == 0 ? DeploymentStatus.Failure : DeploymentStatus.Success;
            yield return Events.Deploy($"model-{day:D3}", finished, Lane.Model, status, finished - snapshot.AddHours(-4)) with { Stages = stages };
        }
    }

    private sealed record StageHours(double SnapshotToTrained, double TrainedToEvaluated, double EvaluatedToDeployed)
    {
        public static readonly StageHours Demo = new(17, 1.9, 64.6);
        public static readonly StageHours Short = new(0.25, 0.1, 0.5);
        public static readonly StageHours Long = new(24 * 9, 30, 24 * 21);
    }
}

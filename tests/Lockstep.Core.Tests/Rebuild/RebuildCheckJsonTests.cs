using System.Text.Json.Nodes;
using Lockstep.Core.Rebuild;
using static Lockstep.Core.Tests.Rebuild.RebuildCards;

namespace Lockstep.Core.Tests.Rebuild;

public class RebuildCheckJsonTests
{
    [Fact]
    public void The_result_is_written_with_snake_case_names_and_verdicts()
    {
        var registered = Registered with { Run = null };
        var json = JsonNode.Parse(RebuildCheckJson.Serialize(Check(registered, Registered.WithMetrics(("auc", 0.8398)))))!;

        Assert.Equal("lockstep.rebuild-check/v1", (string?)json["schema"]);
        Assert.Equal("cannot_tell", (string?)json["verdict"]);
        Assert.Equal(1e-9, (double?)json["tolerance"]);
        Assert.Equal("run.commit: missing from the registered card", (string?)json["cannot_tell"]![0]);
        var metric = json["differences"]!.AsArray().Single(d => (string?)d!["kind"] == "metric" && (string?)d["subject"] == "auc")!;
        Assert.Equal((0.8398 - 0.8412, "0.8412", "0.8398"), ((double?)metric["delta"], (string?)metric["registered"], (string?)metric["rebuilt"]));
        Assert.Null(metric["slice"]);
    }
}

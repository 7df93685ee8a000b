using Lockstep.Core.Drift;
using Lockstep.Core.Gates;

namespace Lockstep.Core.Tests.Drift;

public class DriftMarkdownTests
{
    [Fact]
    public void A_psi_just_below_the_threshold_does_not_read_as_the_threshold()
    {
        var sample = FeatureSample.Categorical(new Dictionary<string, long> { ["a"] = 1 }, missing: 0);
        var feature = FeatureDriftCalculator.Compare("plan", sample, sample, new DriftOptions()) with { Psi = 0.0999999, Drifted = false };
        var digest = new InputDigest("reference", "ref.csv", new string('0', 64));
        var report = DriftReport.Create(new DriftOptions(), digest, 1, digest with { Role = "current", Path = "cur.csv" }, 1, [feature]);

        var markdown = DriftMarkdown.Render(report);

        Assert.Contains("features drifted (PSI ≥ 0.1)", markdown, StringComparison.Ordinal);
        Assert.Contains("| `plan` | categorical | 0.0999999 |", markdown, StringComparison.Ordinal);
        Assert.EndsWith("| no |\n", markdown.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }
}

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

    [Fact]
    public void The_table_has_each_psi_p_value_and_notes_too_few_rows()
    {
        var few = FeatureSample.Categorical(new Dictionary<string, long> { ["a"] = 2, ["b"] = 2 }, missing: 0);
        var shifted = FeatureSample.Categorical(new Dictionary<string, long> { ["a"] = 1, ["b"] = 3 }, missing: 0);
        var feature = FeatureDriftCalculator.Compare("plan", few, shifted, new DriftOptions());
        var digest = new InputDigest("reference", "ref.csv", new string('0', 64));
        var report = DriftReport.Create(new DriftOptions(), digest, 4, digest with { Role = "current", Path = "cur.csv" }, 4, [feature]);

        var markdown = DriftMarkdown.Render(report);

        // scipy.stats.chi2.sf(0.27465 / 0.5, 1) = 0.4586; chi2.ppf(0.95, 1) · 0.5 = 1.9207.
        Assert.Contains("| Feature | Kind | PSI | PSI p-value | Min. detectable PSI |", markdown, StringComparison.Ordinal);
        Assert.Contains("| `plan` | categorical | 0.274653 | 0.458601 | 1.920729 |", markdown, StringComparison.Ordinal);
        Assert.Contains("| ⚠️ yes, too few rows |", markdown, StringComparison.Ordinal);
        Assert.Contains("p-value is not below 0.05", markdown, StringComparison.Ordinal);
    }
}

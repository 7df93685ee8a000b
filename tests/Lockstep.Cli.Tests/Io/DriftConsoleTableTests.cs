using Lockstep.Cli.Io;
using Lockstep.Core.Drift;
using Lockstep.Core.Gates;

namespace Lockstep.Cli.Tests.Io;

public class DriftConsoleTableTests
{
    [Fact]
    public void A_drifted_feature_whose_psi_is_not_significant_reads_too_few_rows()
    {
        var few = Categorical("plan", [2, 2], [1, 3]);
        var many = Categorical("region", [200, 200], [100, 300]);
        var digest = new InputDigest("reference", "ref.csv", new string('0', 64));
        var report = DriftReport.Create(new DriftOptions(), digest, 400, digest with { Role = "current", Path = "cur.csv" }, 400, [few, many]);

        var lines = DriftConsoleTable.Render(report).Split('\n');

        Assert.StartsWith("Feature  Kind         PSI       PSI p", lines[0], StringComparison.Ordinal);
        // p = scipy.stats.chi2.sf(0.27465 / 0.5, 1) = 0.4586; on 100 times the rows 1.2486e-13.
        Assert.Contains("0.458601", lines[1], StringComparison.Ordinal);
        Assert.EndsWith("yes, too few rows", lines[1].TrimEnd(), StringComparison.Ordinal);
        Assert.EndsWith("yes", lines[2].TrimEnd(), StringComparison.Ordinal);
        Assert.DoesNotContain("too few rows", lines[2], StringComparison.Ordinal);
    }

    private static FeatureDrift Categorical(string feature, long[] reference, long[] current) =>
        FeatureDriftCalculator.Compare(
            feature,
            FeatureSample.Categorical(reference.Select((count, i) => ($"k{i}", count)).ToDictionary(p => p.Item1, p => p.count), missing: 0),
            FeatureSample.Categorical(current.Select((count, i) => ($"k{i}", count)).ToDictionary(p => p.Item1, p => p.count), missing: 0),
            new DriftOptions());
}

using Lockstep.Core.Metrics;

namespace Lockstep.Core.Tests.Metrics;

public class PairedAucComparisonTests
{
    [Fact]
    public void Derives_z_p_value_and_interval_from_the_aucs_and_standard_error()
    {
        var comparison = new PairedAucComparison { CandidateAuc = 0.80, BaselineAuc = 0.75, StandardError = 0.02, Level = 0.95 };

        // Oracle: SciPy 1.10.1, 2 * norm.sf(2.5) and norm.ppf(0.975) = 1.959963984540054.
        Assert.Equal(0.05, comparison.Delta, 1e-15);
        Assert.Equal(2.5, comparison.Z, 1e-13);
        Assert.Equal(0.012419330651552265, comparison.PValue, 1e-12);
        Assert.Equal(0.05 - (1.959963984540054 * 0.02), comparison.CiLow, 1e-15);
        Assert.Equal(0.05 + (1.959963984540054 * 0.02), comparison.CiHigh, 1e-15);
    }

    [Fact]
    public void A_candidate_worse_than_the_baseline_has_a_negative_delta_and_z()
    {
        var comparison = new PairedAucComparison { CandidateAuc = 0.70, BaselineAuc = 0.75, StandardError = 0.1, Level = 0.9 };

        Assert.True(comparison.Delta < 0 && comparison.Z < 0);
        Assert.InRange(comparison.Delta, comparison.CiLow, comparison.CiHigh);
    }
}

using CsCheck;
using Lockstep.Core.Metrics;

namespace Lockstep.Core.Tests.Metrics;

public class DeLongTestTests
{
    private const double Tolerance = 1e-9;

    // A small example with ties within each class, across the classes and between the two scorings.
    private static readonly bool[] SmallLabels = [false, false, true, false, true, true, false, true, false, true];
    private static readonly double[] SmallCandidate = [0.1, 0.4, 0.4, 0.3, 0.8, 0.6, 0.6, 0.9, 0.2, 0.3];
    private static readonly double[] SmallBaseline = [0.2, 0.2, 0.5, 0.5, 0.7, 0.5, 0.3, 0.7, 0.1, 0.2];

    /// <summary>
    /// Oracle: a NumPy 1.24 / SciPy 1.10 script, independent of the fast algorithm: the placements by the explicit
    /// kernel ψ(x, y) = 1 if x &gt; y, ½ if x = y (V10 = ψ's row means, V01 its column means), S = np.cov(V10)/m +
    /// np.cov(V01)/n (DeLong et al. 1988, eq. for the paired case), se = √(S₁₁ + S₂₂ − 2S₁₂), z = Δ/se,
    /// p = 2·norm.sf(|z|), interval Δ ± norm.ppf(1 − (1 − level)/2)·se; each value printed with repr().
    /// </summary>
    public static TheoryData<string, double, double, double, double, double, double, double, double> Oracle => new()
    {
        { "small", 0.95, 0.82, 0.8400000000000001, 0.11747340124470733, -0.17025130615175077, 0.8648125041589416, -0.25024363558104923, 0.210243635581049 },
        { "small", 0.90, 0.82, 0.8400000000000001, 0.11747340124470733, -0.17025130615175077, 0.8648125041589416, -0.21322655010768257, 0.17322655010768231 },
        { "lcg 1 × 500", 0.95, 0.7701459258889499, 0.6522571091033128, 0.033429799724675, 3.526458960465197, 0.0004211564311817143, 0.05236761331488711, 0.18341002025638714 },
        { "lcg 2 × 500", 0.95, 0.7460702727693019, 0.6915494353081039, 0.0320338156425145, 1.7019776248209202, 0.08875956278326787, -0.008264287485526156, 0.11730596240792229 },
        { "lcg 7 × 2000", 0.95, 0.750803686519152, 0.6844916286765736, 0.015866171700213313, 4.17946175646686, 2.921998508382006e-05, 0.03521493273763159, 0.09740918294752504 },
    };

    [Theory]
    [MemberData(nameof(Oracle))]
    public void Matches_the_kernel_reference_implementation(
        string data, double level, double auc, double baselineAuc, double se, double z, double p, double low, double high)
    {
        var (candidate, baseline, labels) = Data(data);

        var result = DeLongTest.Compare(candidate, baseline, labels, level);

        Assert.Equal(auc, result.CandidateAuc, Tolerance);
        Assert.Equal(baselineAuc, result.BaselineAuc, Tolerance);
        Assert.Equal(auc - baselineAuc, result.Delta, Tolerance);
        Assert.Equal(se, result.StandardError, Tolerance);
        Assert.Equal(z, result.Z, Tolerance);
        Assert.Equal(p, result.PValue, Tolerance);
        Assert.Equal(low, result.CiLow, Tolerance);
        Assert.Equal(high, result.CiHigh, Tolerance);
        Assert.Equal(level, result.Level);
    }

    [Fact]
    public void The_generated_rows_are_the_ones_the_oracle_script_used()
    {
        // The script printed the first three rows of seed 1: candidate [0.5, 1.0, 0.0], baseline [0.6, 0.7, 0.8], labels [F, T, F].
        var (candidate, baseline, labels) = PairedRows.Generate(1, 500);

        Assert.Equal([0.5, 1.0, 0.0], candidate[..3]);
        Assert.Equal([0.6, 0.7, 0.8], baseline[..3]);
        Assert.Equal([false, true, false], labels[..3]);
    }

    [Fact]
    public void The_aucs_equal_roc_auc_to_the_last_bit()
    {
        var (candidate, baseline, labels) = PairedRows.Generate(3, 1000);

        var result = DeLongTest.Compare(candidate, baseline, labels);

        Assert.Equal(RocAuc.Compute(candidate, labels), result.CandidateAuc);
        Assert.Equal(RocAuc.Compute(baseline, labels), result.BaselineAuc);
    }

    [Fact]
    public void Equals_the_brute_force_kernel_on_random_tied_data() =>
        RandomRows().Sample(rows =>
        {
            var (candidate, baseline, labels) = rows;
            Assert.Equal(BruteForceStandardError(candidate, baseline, labels), DeLongTest.Compare(candidate, baseline, labels).StandardError, 1e-12);
        });

    [Fact]
    public void Delta_has_the_sign_of_the_better_scoring_and_the_interval_contains_it() =>
        RandomRows().Sample(rows =>
        {
            var (candidate, baseline, labels) = rows;
            var result = DeLongTest.Compare(candidate, baseline, labels);

            Assert.Equal(Math.Sign(RocAuc.Compute(candidate, labels) - RocAuc.Compute(baseline, labels)), Math.Sign(result.Delta));
            Assert.Equal(Math.Sign(result.Delta), Math.Sign(result.Z));
            Assert.InRange(result.PValue, 0, 1);
            Assert.InRange(result.Delta, result.CiLow, result.CiHigh);
            Assert.True(result.CiLow < result.CiHigh);
        });

    [Fact]
    public void Swapping_candidate_and_baseline_negates_delta_z_and_the_interval() =>
        RandomRows().Sample(rows =>
        {
            var (candidate, baseline, labels) = rows;
            var forward = DeLongTest.Compare(candidate, baseline, labels);
            var backward = DeLongTest.Compare(baseline, candidate, labels);

            Assert.Equal(-forward.Delta, backward.Delta, 1e-15);
            Assert.Equal(-forward.Z, backward.Z, 1e-12);
            Assert.Equal(forward.StandardError, backward.StandardError);
            Assert.Equal(forward.PValue, backward.PValue, 1e-12);
            Assert.Equal(-forward.CiHigh, backward.CiLow, 1e-12);
        });

    [Fact]
    public void A_wider_level_gives_a_wider_interval()
    {
        var narrow = DeLongTest.Compare(SmallCandidate, SmallBaseline, SmallLabels, 0.8);
        var wide = DeLongTest.Compare(SmallCandidate, SmallBaseline, SmallLabels, 0.99);

        Assert.True(wide.CiLow < narrow.CiLow && narrow.CiHigh < wide.CiHigh);
    }

    [Fact]
    public void Identical_scorings_are_not_computable_rather_than_a_zero_difference()
    {
        var error = Assert.Throws<MetricException>(() => DeLongTest.Compare(SmallCandidate, SmallCandidate, SmallLabels));

        Assert.Contains("zero variance", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scorings_that_rank_alike_are_not_computable()
    {
        // A monotone transform ranks every row the same: the placements, and so the difference, do not vary.
        var squared = SmallCandidate.Select(s => s * s).ToArray();

        Assert.Throws<MetricException>(() => DeLongTest.Compare(SmallCandidate, squared, SmallLabels));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void One_class_only_is_not_computable(bool label)
    {
        var error = Assert.Throws<MetricException>(() => DeLongTest.Compare([0.1, 0.2, 0.3], [0.3, 0.1, 0.2], [label, label, label]));

        Assert.Contains("only one class", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_single_row_of_a_class_is_not_computable()
    {
        var error = Assert.Throws<MetricException>(() => DeLongTest.Compare([0.1, 0.2, 0.3], [0.3, 0.1, 0.2], [true, false, false]));

        Assert.Contains("at least two rows of each class", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_baseline_score_that_is_not_finite_is_refused_by_its_index()
    {
        var error = Assert.Throws<ArgumentException>(() => DeLongTest.Compare(SmallCandidate, [.. SmallBaseline[..9], double.NaN], SmallLabels));

        Assert.StartsWith("baseline[9] is NaN", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Columns_of_different_lengths_are_refused() =>
        Assert.Throws<ArgumentException>("baseline", () => DeLongTest.Compare(SmallCandidate, SmallBaseline.AsSpan(0, 9), SmallLabels));

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    public void A_level_outside_zero_to_one_is_refused(double level) =>
        Assert.Throws<ArgumentOutOfRangeException>(nameof(level), () => DeLongTest.Compare(SmallCandidate, SmallBaseline, SmallLabels, level));

    private static (double[] Candidate, double[] Baseline, bool[] Labels) Data(string name) => name switch
    {
        "small" => (SmallCandidate, SmallBaseline, SmallLabels),
        "lcg 1 × 500" => PairedRows.Generate(1, 500),
        "lcg 2 × 500" => PairedRows.Generate(2, 500),
        "lcg 7 × 2000" => PairedRows.Generate(7, 2000),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    /// <summary>Rows with heavy ties and both classes, on which the two scorings do not rank alike.</summary>
    private static Gen<(double[], double[], bool[])> RandomRows() =>
        Gen.Select(Gen.Int[1, 10], Gen.Int[6, 200])
            .SelectMany(t => Gen.Select(Gen.Int[0, t.Item1], Gen.Int[0, t.Item1], Gen.Bool).Array[t.Item2]
                .Select(rows => (rows.Select(r => r.Item1 / (double)t.Item1).ToArray(), rows.Select(r => r.Item2 / (double)t.Item1).ToArray(), rows.Select(r => r.Item3).ToArray())))
            .Where(rows => rows.Item3.Count(l => l) >= 2 && rows.Item3.Count(l => !l) >= 2 && BruteForceStandardError(rows.Item1, rows.Item2, rows.Item3) > 1e-9);

    /// <summary>DeLong's variance by the O(n²) kernel over every (positive, negative) pair, in sums of deviations.</summary>
    private static double BruteForceStandardError(double[] candidate, double[] baseline, bool[] labels)
    {
        var positives = Enumerable.Range(0, labels.Length).Where(i => labels[i]).ToArray();
        var negatives = Enumerable.Range(0, labels.Length).Where(i => !labels[i]).ToArray();
        static double Psi(double x, double y) => x > y ? 1 : x == y ? 0.5 : 0;
        double Difference(int positive, int negative) => Psi(candidate[positive], candidate[negative]) - Psi(baseline[positive], baseline[negative]);

        var v10 = positives.Select(i => negatives.Average(j => Difference(i, j))).ToArray();
        var v01 = negatives.Select(j => positives.Average(i => Difference(i, j))).ToArray();
        return Math.Sqrt((SampleVariance(v10) / v10.Length) + (SampleVariance(v01) / v01.Length));
    }

    private static double SampleVariance(double[] values)
    {
        var mean = values.Average();
        return values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1);
    }
}

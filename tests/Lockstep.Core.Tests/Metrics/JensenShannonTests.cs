using Lockstep.Core.Metrics;

namespace Lockstep.Core.Tests.Metrics;

/// <summary>
/// Oracle: <c>scipy.spatial.distance.jensenshannon(p, q)</c> (natural logarithm), SciPy 1.10.1 with NumPy 1.24.2
/// (Debian 12's python3-scipy), values printed with <c>repr(float(...))</c>.
/// </summary>
public class JensenShannonTests
{
    [Theory]
    [InlineData(new[] { 1.0, 0.0, 0.0 }, new[] { 0.0, 1.0, 0.0 }, 0.8325546111576977)] // disjoint: √ln 2
    [InlineData(new[] { 1.0, 0.0, 0.0 }, new[] { 0.5, 0.5, 0.0 }, 0.46450140402245893)]
    [InlineData(new[] { 0.1, 0.4, 0.5 }, new[] { 0.2, 0.3, 0.5 }, 0.109902813387946)]
    [InlineData(new[] { 10.0, 20.0, 30.0, 0.0 }, new[] { 5.0, 0.0, 25.0, 10.0 }, 0.45512693663980397)] // counts, zeros in both
    [InlineData(new[] { 0.2, 0.3, 0.5 }, new[] { 0.2, 0.3, 0.5 }, 0.0)]
    [InlineData(new[] { 1.0, 2.0, 3.0 }, new[] { 10.0, 20.0, 30.0 }, 0.0)] // same shape, different totals
    public void Distance_matches_scipy_jensenshannon(double[] p, double[] q, double expected) =>
        Assert.Equal(expected, JensenShannon.Distance(p, q), 1e-9);

    [Fact]
    public void Distance_over_many_bins_with_zeros_matches_scipy()
    {
        // i = np.arange(50); jensenshannon((i * 37) % 11, (i * 53 + 3) % 7): 5 and 7 empty bins
        var p = Enumerable.Range(0, 50).Select(i => (double)(i * 37 % 11)).ToArray();
        var q = Enumerable.Range(0, 50).Select(i => (double)(((i * 53) + 3) % 7)).ToArray();

        Assert.Equal(0.37386914700034457, JensenShannon.Distance(p, q), 1e-9);
    }

    [Fact]
    public void Distance_is_symmetric_and_bounded_by_root_ln_2_on_random_distributions()
    {
        var random = new Random(7);
        for (var round = 0; round < 200; round++)
        {
            var bins = random.Next(1, 20);
            var p = Enumerable.Range(0, bins).Select(_ => (double)random.Next(0, 3)).Append(1.0).ToArray();
            var q = Enumerable.Range(0, bins).Select(_ => (double)random.Next(0, 3)).Prepend(1.0).ToArray();

            var distance = JensenShannon.Distance(p, q);

            Assert.Equal(distance, JensenShannon.Distance(q, p), 1e-15);
            Assert.InRange(distance, 0.0, Math.Sqrt(Math.Log(2)) + 1e-15);
        }
    }

    [Fact]
    public void Invalid_distributions_are_refused()
    {
        Assert.Throws<ArgumentException>("q", () => JensenShannon.Distance([0.5, 0.5], [1.0]));
        Assert.Throws<ArgumentException>("p", () => JensenShannon.Distance([], []));
        Assert.Throws<ArgumentException>("p", () => JensenShannon.Distance([0.0, 0.0], [0.5, 0.5]));
        Assert.Throws<ArgumentException>("q", () => JensenShannon.Distance([0.5, 0.5], [-0.5, 1.5]));
        Assert.Throws<ArgumentException>("p", () => JensenShannon.Distance([double.NaN, 1.0], [0.5, 0.5]));
    }

    [Theory]
    [InlineData(new[] { 0.5, double.NaN }, "q[1] is NaN")]
    [InlineData(new[] { double.NegativeInfinity, 0.5 }, "q[0] is -∞")]
    [InlineData(new[] { 0.5, -0.5 }, "q[1] is -0.5; expected a weight of 0 or more")]
    public void A_bad_weight_is_named_by_its_index(double[] q, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => JensenShannon.Distance([0.5, 0.5], q));

        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }
}

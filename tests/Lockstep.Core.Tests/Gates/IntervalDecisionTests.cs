using Lockstep.Core.Gates;

namespace Lockstep.Core.Tests.Gates;

public class IntervalDecisionTests
{
    [Theory]
    [InlineData(-0.5, 0.5, -1, true, "Within")]
    [InlineData(-1.5, 0.5, -1, true, "Straddling")]
    [InlineData(-2.5, -1.5, -1, true, "Beyond")]
    [InlineData(-1, 0.5, -1, true, "Within")]
    [InlineData(-0.5, 0.5, 1, false, "Within")]
    [InlineData(0.5, 1.5, 1, false, "Straddling")]
    [InlineData(1.5, 2.5, 1, false, "Beyond")]
    public void Judges_where_the_interval_lies(double low, double high, double boundary, bool atLeast, string expected) =>
        Assert.Equal(expected, IntervalDecision.Judge(new ValueInterval(low, high), boundary, atLeast).ToString());

    /// <summary>Property: with the rows grown by the factor, the interval's near end lands on the boundary.</summary>
    [Fact]
    public void The_row_factor_brings_the_interval_to_the_boundary()
    {
        var random = new Random(20261206);
        for (var i = 0; i < 500; i++)
        {
            var boundary = random.NextDouble() - 0.5;
            var estimate = new Estimate(boundary + ((random.NextDouble() - 0.5) * 0.2), 0.01 + (random.NextDouble() * 0.1));
            var z = 1 + (random.NextDouble() * 2);
            var fixedError = random.NextDouble() < 0.5 ? 0 : estimate.StandardError * random.NextDouble();

            var factor = IntervalDecision.RowFactor(estimate, boundary, z, fixedError);

            var variable = (estimate.StandardError * estimate.StandardError) - (fixedError * fixedError);
            var reached = Math.Sqrt((variable / (factor ?? 1)) + (fixedError * fixedError));
            var distance = Math.Abs(estimate.Value - boundary);
            if (factor is null)
            {
                Assert.True(z * fixedError >= distance, $"case {i}: null although the fixed error {fixedError} leaves room");
            }
            else if (factor > 1)
            {
                Assert.Equal(distance, z * reached, 9);
            }
            else
            {
                Assert.True(z * estimate.StandardError <= distance + 1e-12, $"case {i}: factor 1 although the interval straddles");
            }
        }
    }
}

namespace Lockstep.Prometheus.Tests;

public class PrometheusHeaderTests
{
    [Fact]
    public void A_header_prints_its_name_and_hides_its_value()
    {
        var header = new PrometheusHeader("Authorization", "Bearer s3cret");

        Assert.Equal("Authorization: ***", header.ToString());
        Assert.Equal("Bearer s3cret", header.Value);
    }
}

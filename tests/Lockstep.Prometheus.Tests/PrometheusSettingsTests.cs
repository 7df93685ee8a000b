namespace Lockstep.Prometheus.Tests;

public class PrometheusSettingsTests
{
    [Theory]
    [InlineData("http://127.0.0.1:9090/", "http://127.0.0.1:9090")]
    [InlineData("https://user:secret@prometheus.example/prom/?token=abc#x", "https://prometheus.example/prom")]
    public void The_address_is_shown_without_user_information_or_query(string address, string shown)
    {
        Assert.Equal(shown, new PrometheusSettings(new Uri(address)).Shown);
    }
}

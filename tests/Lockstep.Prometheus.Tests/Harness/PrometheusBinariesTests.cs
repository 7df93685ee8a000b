namespace Lockstep.Prometheus.Tests.Harness;

public class PrometheusBinariesTests
{
    [Fact]
    public void The_first_folder_that_holds_the_binary_wins()
    {
        Assert.Equal("/usr/local/bin/promtool", PrometheusBinaries.Find("promtool", path => path == "/usr/local/bin/promtool"));
        Assert.Equal("/usr/bin/prometheus", PrometheusBinaries.Find("prometheus", _ => true));
    }

    [Fact]
    public void A_missing_binary_fails_with_how_to_install_it()
    {
        var error = Assert.Throws<InvalidOperationException>(() => PrometheusBinaries.Find("promtool", _ => false));

        Assert.Equal(
            "The Prometheus tests need promtool and found none in /usr/bin, /usr/local/bin. Install it with `apt-get install prometheus` (Debian; it brings promtool).",
            error.Message);
    }
}

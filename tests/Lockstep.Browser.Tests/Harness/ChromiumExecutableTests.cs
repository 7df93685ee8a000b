namespace Lockstep.Browser.Tests.Harness;

public class ChromiumExecutableTests
{
    [Fact]
    public void The_configured_executable_wins_over_the_usual_paths()
    {
        var found = ChromiumExecutable.Find("/opt/chrome/chrome", _ => true);

        Assert.Equal("/opt/chrome/chrome", found);
    }

    [Fact]
    public void Without_configuration_the_first_usual_path_that_exists_is_used()
    {
        var found = ChromiumExecutable.Find(null, path => path is "/usr/bin/chromium-browser" or "/usr/bin/google-chrome");

        Assert.Equal("/usr/bin/chromium-browser", found);
    }

    [Fact]
    public void A_blank_configuration_counts_as_none()
    {
        var found = ChromiumExecutable.Find("  ", path => path == "/usr/bin/chromium");

        Assert.Equal("/usr/bin/chromium", found);
    }

    [Fact]
    public void No_browser_fails_with_how_to_install_one()
    {
        var error = Assert.Throws<InvalidOperationException>(() => ChromiumExecutable.Find(null, _ => false));

        Assert.Contains("apt-get install chromium", error.Message, StringComparison.Ordinal);
        Assert.Contains("/usr/bin/chromium, /usr/bin/chromium-browser, /usr/bin/google-chrome", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_configured_executable_that_does_not_exist_fails_instead_of_falling_back()
    {
        var error = Assert.Throws<InvalidOperationException>(() => ChromiumExecutable.Find("/nowhere/chrome", path => path == "/usr/bin/chromium"));

        Assert.Contains("LOCKSTEP_CHROMIUM is /nowhere/chrome", error.Message, StringComparison.Ordinal);
        Assert.Contains("apt-get install chromium", error.Message, StringComparison.Ordinal);
    }
}

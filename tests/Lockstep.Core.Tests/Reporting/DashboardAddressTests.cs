using Lockstep.Core.Reporting;

namespace Lockstep.Core.Tests.Reporting;

public sealed class DashboardAddressTests
{
    [Theory]
    [InlineData("https://octo-org.github.io/model-repo/", "https://octo-org.github.io/model-repo/")]
    [InlineData(" http://dashboards.internal/lockstep/index.html ", "http://dashboards.internal/lockstep/index.html")]
    public void An_absolute_http_or_https_address_is_taken(string text, string expected) =>
        Assert.Equal(new Uri(expected), DashboardAddress.Parse(text, "action inputs", "dashboard-url"));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void No_address_is_none(string? text) => Assert.Null(DashboardAddress.Parse(text, "action inputs", "dashboard-url"));

    [Theory]
    [InlineData("site/index.html")]
    [InlineData("file:///srv/site/index.html")]
    [InlineData("javascript:alert(1)")]
    public void Anything_else_is_one_line_naming_the_input(string text)
    {
        var error = Assert.Throws<InputException>(() => DashboardAddress.Parse(text, "action inputs", "dashboard-url"));

        Assert.Equal($"action inputs: dashboard-url: expected an absolute http or https address, got '{text}'", error.Message);
    }
}

using System.Net;
using System.Net.Sockets;

namespace Lockstep.Browser.Tests.Harness;

[Collection(BrowserUsers.Name)]
public sealed class PageVisitTests(BrowserFixture browser) : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("lockstep-page-visit-").FullName;

    [Fact]
    public async Task A_quiet_page_records_nothing()
    {
        await using var visit = await browser.OpenHtmlAsync("<p>hello</p><script>console.log('fine'); console.warn('fine too');</script>", 800);

        Assert.Equal(string.Empty, visit.Describe());
        Assert.Equal("hello", await visit.Page.EvaluateExpressionAsync<string>("document.querySelector('p').textContent"));
    }

    [Fact]
    public async Task Console_errors_are_recorded()
    {
        await using var visit = await browser.OpenHtmlAsync("<script>console.error('broken chart');</script>", 800);

        Assert.Equal(["broken chart"], await Eventually(() => visit.ConsoleErrors));
    }

    [Fact]
    public async Task Uncaught_exceptions_are_recorded()
    {
        await using var visit = await browser.OpenHtmlAsync("<script>throw new Error('no data');</script>", 800);

        var error = Assert.Single(await Eventually(() => visit.PageErrors));
        Assert.Contains("no data", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_to_a_server_is_aborted_and_recorded()
    {
        using var server = new TcpListener(IPAddress.Loopback, 0);
        server.Start();
        var url = $"http://127.0.0.1:{((IPEndPoint)server.LocalEndpoint).Port}/track.js";

        await using var visit = await browser.OpenHtmlAsync($"<script src=\"{url}\"></script>", 800);
        var outcome = await visit.Page.EvaluateExpressionAsync<string>($"fetch('{url}').then(() => 'reached', () => 'blocked')");

        Assert.Equal("blocked", outcome);
        Assert.Equal([url, url], visit.BlockedRequests);
        Assert.False(server.Pending());
    }

    [Fact]
    public async Task A_file_page_loads_itself_but_not_its_siblings()
    {
        var page = Path.Combine(folder, "index.html");
        await File.WriteAllTextAsync(page, "<img src=\"logo.png\"><img src=\"data:image/gif;base64,R0lGODlhAQABAAAAACw=\">");
        await File.WriteAllBytesAsync(Path.Combine(folder, "logo.png"), [0x89, 0x50, 0x4E, 0x47]);

        await using var visit = await browser.OpenFileAsync(page, 800);

        var blocked = Assert.Single(visit.BlockedRequests);
        Assert.Equal(new Uri(Path.Combine(folder, "logo.png")).AbsoluteUri, blocked);
        Assert.Equal(2, await visit.Page.EvaluateExpressionAsync<int>("document.images.length"));
    }

    [Theory]
    [InlineData(375)]
    [InlineData(1012)]
    public async Task The_viewport_has_the_width_asked_for(int width)
    {
        await using var visit = await browser.OpenHtmlAsync("<p>x</p>", width);

        Assert.Equal(width, await visit.Page.EvaluateExpressionAsync<int>("window.innerWidth"));
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    /// <summary>Console and error events arrive asynchronously after the load; wait briefly for the first.</summary>
    private static async Task<IReadOnlyList<string>> Eventually(Func<IReadOnlyList<string>> read)
    {
        for (var attempt = 0; attempt < 50 && read().Count == 0; attempt++)
        {
            await Task.Delay(20);
        }

        return read();
    }
}

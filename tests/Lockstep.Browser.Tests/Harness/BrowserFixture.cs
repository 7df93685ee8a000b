using PuppeteerSharp;

namespace Lockstep.Browser.Tests.Harness;

/// <summary>
/// One headless Chromium for every test in the <see cref="BrowserUsers"/> collection, launched from the executable
/// <see cref="ChromiumExecutable"/> finds. <c>--no-sandbox</c> because CI runs as root, where Chromium's sandbox
/// refuses to start.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IBrowser? browser;

    public IBrowser Browser => browser ?? throw new InvalidOperationException("the browser has not been launched");

    public async Task InitializeAsync()
    {
        browser = await Puppeteer.LaunchAsync(new LaunchOptions
        {
            ExecutablePath = ChromiumExecutable.Find(),
            Headless = true,
            Browser = SupportedBrowser.Chromium,
            Args = ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"],
        });
    }

    /// <summary>Opens a local HTML file; see <see cref="PageVisit"/> for what it records.</summary>
    public Task<PageVisit> OpenFileAsync(string path, int viewportWidth) =>
        PageVisit.OpenAsync(Browser, page => page.GoToAsync(new Uri(Path.GetFullPath(path)).AbsoluteUri), viewportWidth);

    /// <summary>Opens HTML content in a blank page; see <see cref="PageVisit"/> for what it records.</summary>
    public Task<PageVisit> OpenHtmlAsync(string html, int viewportWidth) =>
        PageVisit.OpenAsync(Browser, page => page.SetContentAsync(html), viewportWidth);

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.CloseAsync();
            await browser.DisposeAsync();
        }
    }
}

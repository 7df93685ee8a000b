using System.Collections.Concurrent;
using PuppeteerSharp;

namespace Lockstep.Browser.Tests.Harness;

/// <summary>
/// A page opened at a given viewport width that records what a self-contained page must not do: console messages of
/// type error, uncaught exceptions, and every request other than the page's own document and <c>data:</c>,
/// <c>about:</c> or <c>blob:</c> URLs. Those requests are aborted (nothing leaves the page) and recorded; a sibling
/// <c>file:</c> URL counts too, because a page opened from a CI artifact or a file share has no siblings.
/// </summary>
public sealed class PageVisit : IAsyncDisposable
{
    private static readonly string[] LocalSchemes = ["data:", "about:", "blob:"];

    private readonly ConcurrentQueue<string> consoleErrors = new();
    private readonly ConcurrentQueue<string> pageErrors = new();
    private readonly ConcurrentQueue<string> blockedRequests = new();
    private string? documentUrl;

    private PageVisit(IPage page) => Page = page;

    public IPage Page { get; }

    public IReadOnlyList<string> ConsoleErrors => [.. consoleErrors];

    public IReadOnlyList<string> PageErrors => [.. pageErrors];

    public IReadOnlyList<string> BlockedRequests => [.. blockedRequests];

    /// <summary>Everything recorded, one line each, for an assertion's message.</summary>
    public string Describe() => string.Join(
        "\n",
        ConsoleErrors.Select(e => "console error: " + e)
            .Concat(PageErrors.Select(e => "page error: " + e))
            .Concat(BlockedRequests.Select(r => "request: " + r)));

    internal static async Task<PageVisit> OpenAsync(IBrowser browser, Func<IPage, Task> load, int viewportWidth)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(viewportWidth, 1);
        var page = await browser.NewPageAsync();
        var visit = new PageVisit(page);
        try
        {
            await page.SetViewportAsync(new ViewPortOptions { Width = viewportWidth, Height = 800 });
            page.Console += (_, e) =>
            {
                if (e.Message.Type == ConsoleType.Error)
                {
                    visit.consoleErrors.Enqueue(e.Message.Text);
                }
            };
            page.PageError += (_, e) => visit.pageErrors.Enqueue(e.Message);
            await page.SetRequestInterceptionAsync(true);
            page.AddRequestInterceptor(visit.InterceptAsync);
            await load(page);
            return visit;
        }
        catch
        {
            await visit.DisposeAsync();
            throw;
        }
    }

    private Task InterceptAsync(IRequest request)
    {
        // The first navigation request is the page's own document.
        documentUrl ??= request.IsNavigationRequest && request.Frame?.ParentFrame is null ? request.Url : null;
        if (request.Url == documentUrl || LocalSchemes.Any(s => request.Url.StartsWith(s, StringComparison.OrdinalIgnoreCase)))
        {
            return request.ContinueAsync();
        }

        blockedRequests.Enqueue(request.Url);
        return request.AbortAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Page.CloseAsync();
        await Page.DisposeAsync();
    }
}

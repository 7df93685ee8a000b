using System.Globalization;
using System.Text.Json.Serialization;
using Lockstep.Browser.Tests.Harness;
using Lockstep.Tests.Shared;
using PuppeteerSharp;

namespace Lockstep.Browser.Tests.Reporting;

/// <summary>
/// Renders Mermaid code as GitHub does: the Mermaid release GitHub runs (tests/package.json pins it), default theme,
/// in a container as wide as a pull request comment's body, then reads the drawn axis labels' boxes.
/// </summary>
internal static class MermaidRendering
{
    /// <summary>The body of a pull request conversation comment in a 1280-pixel-wide window, in CSS pixels.</summary>
    public const int GitHubCommentWidth = 790;

    public static string Script => Repository.Path("tests/node_modules/mermaid/dist/mermaid.min.js");

    private static readonly string Page = FormattableString.Invariant(
        $"<html><body style=\"margin:0\"><div id=\"comment\" style=\"width:{GitHubCommentWidth}px\"></div></body></html>");

    private const string Render = """
        async (code, id) => {
          mermaid.initialize({ startOnLoad: false, theme: 'default' });
          const host = document.getElementById('comment');
          try {
            const { svg } = await mermaid.render(id, code);
            host.innerHTML = svg;
          } catch (e) {
            return { error: String((e && e.message) || e), x: [], y: [], gantt: [] };
          }
          const boxes = selector => [...host.querySelectorAll(selector)]
            .filter(t => t.textContent.trim() !== '')
            .map(t => { const b = t.getBoundingClientRect(); return { text: t.textContent, left: b.left, right: b.right, top: b.top, bottom: b.bottom }; });
          return {
            error: host.querySelector('.error-text') ? host.textContent : null,
            x: boxes('g.bottom-axis g.label text'),
            y: boxes('g.left-axis g.label text'),
            gantt: boxes('g.grid g.tick text'),
          };
        }
        """;

    public static async Task<IReadOnlyList<RenderedChart>> RenderAsync(BrowserFixture browser, string markdown)
    {
        if (!File.Exists(Script))
        {
            throw new FileNotFoundException($"{Script} is missing: the build restores tests/package.json with `npm ci` (Node 20 and npm)", Script);
        }

        await using var visit = await browser.OpenHtmlAsync(Page, GitHubCommentWidth + 40);
        await visit.Page.AddScriptTagAsync(new AddTagOptions { Path = Script });
        var charts = new List<RenderedChart>();
        foreach (var (code, index) in MermaidBlocks.Of(markdown).Select((c, i) => (c, i)))
        {
            var drawn = await visit.Page.EvaluateFunctionAsync<RenderedChart>(Render, code, "chart" + index.ToString(CultureInfo.InvariantCulture));
            charts.Add(drawn with { Code = code, PageProblems = visit.Describe() });
        }

        return charts;
    }
}

internal sealed record LabelBox(
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("left")] double Left,
    [property: JsonPropertyName("right")] double Right,
    [property: JsonPropertyName("top")] double Top,
    [property: JsonPropertyName("bottom")] double Bottom);

/// <summary>One drawn chart: the render error if any, and the boxes of its axis labels.</summary>
internal sealed record RenderedChart(
    [property: JsonPropertyName("error")] string? Error,
    [property: JsonPropertyName("x")] IReadOnlyList<LabelBox> X,
    [property: JsonPropertyName("y")] IReadOnlyList<LabelBox> Y,
    [property: JsonPropertyName("gantt")] IReadOnlyList<LabelBox> Gantt)
{
    public string Code { get; init; } = string.Empty;

    public string PageProblems { get; init; } = string.Empty;

    public bool IsGantt => Code.Contains("\ngantt\n", StringComparison.Ordinal) || Code.StartsWith("gantt\n", StringComparison.Ordinal);

    /// <summary>Neighbouring labels whose boxes overlap (by more than half a pixel, to allow for anti-aliasing).</summary>
    public static int Overlaps(IReadOnlyList<LabelBox> labels)
    {
        var ordered = labels.OrderBy(l => l.Left).ToList();
        return ordered.Zip(ordered.Skip(1)).Count(p => p.First.Right - p.Second.Left > 0.5 && p.First.Bottom - p.Second.Top > 0.5 && p.Second.Bottom - p.First.Top > 0.5);
    }
}

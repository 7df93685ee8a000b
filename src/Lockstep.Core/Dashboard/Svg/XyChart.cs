using System.Globalization;
using System.Text;

namespace Lockstep.Core.Dashboard.Svg;

/// <summary>
/// An SVG chart over categories (days, weeks, model versions, runs): grouped bars, lines with their points, points
/// alone, horizontal reference lines and a band per category. Every drawn value is one element of class
/// <c>bar</c> or <c>point</c> carrying its series and a tooltip, so the chart can be checked and read without
/// script. X labels are thinned so they never overlap; a count axis has whole-number ticks only.
/// </summary>
public sealed class XyChart(string title, IReadOnlyList<string> categories, bool wholeNumbers, Func<double, string> tick, bool fromZero = true)
{
    private const double Width = 760, Height = 260, Left = 60, Right = 14, Top = 14, Bottom = 40;
    private const double CharWidth = 6.4;

    private readonly List<Series> series = [];
    private readonly List<(string Label, double Value, string Css)> references = [];
    private readonly List<(string Label, IReadOnlyList<(double Low, double High)?> Ranges)> bands = [];

    private enum Kind
    {
        Bars,
        Line,
        Points,
    }

    private sealed record Series(Kind Kind, string Name, string Css, IReadOnlyList<double?> Values, Func<int, double, string> Tooltip, bool Dashed);

    public XyChart Bars(string name, string css, IReadOnlyList<double?> values, Func<int, double, string> tooltip) =>
        Add(new Series(Kind.Bars, name, css, values, tooltip, false));

    public XyChart Line(string name, string css, IReadOnlyList<double?> values, Func<int, double, string> tooltip, bool dashed = false) =>
        Add(new Series(Kind.Line, name, css, values, tooltip, dashed));

    public XyChart Points(string name, string css, IReadOnlyList<double?> values, Func<int, double, string> tooltip) =>
        Add(new Series(Kind.Points, name, css, values, tooltip, false));

    /// <summary>A horizontal line across the chart, such as a gate's limit.</summary>
    public XyChart Reference(string label, double value, string css)
    {
        references.Add((label, value, css));
        return this;
    }

    /// <summary>A shaded range per category, such as the regression a gate allows below its baseline.</summary>
    public XyChart Band(string label, IReadOnlyList<(double Low, double High)?> ranges)
    {
        bands.Add((label, ranges));
        return this;
    }

    /// <summary>How many values the chart draws: its <c>bar</c> and <c>point</c> elements.</summary>
    public int DrawnValues => series.Sum(s => s.Values.Count(v => v is not null));

    public string Render()
    {
        var scale = NiceScale.For(AllValues(), wholeNumbers, fromZero);
        var plotWidth = Width - Left - Right;
        var plotHeight = Height - Top - Bottom;
        var slot = plotWidth / Math.Max(1, categories.Count);
        double X(int i) => Left + ((i + 0.5) * slot);
        double Y(double v) => Top + (plotHeight * (1 - scale.Fraction(v)));

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-label=\"{Html.Attribute(title)}\">");
        foreach (var value in scale.Ticks())
        {
            svg.Append(CultureInfo.InvariantCulture, $"<line class=\"grid\" x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{N(Y(value))}\" y2=\"{N(Y(value))}\"/>")
                .Append(CultureInfo.InvariantCulture, $"<text class=\"tick y\" x=\"{Left - 6}\" y=\"{N(Y(value) + 4)}\">{Html.Text(tick(value))}</text>");
        }

        AppendXLabels(svg, slot, X);
        foreach (var (label, ranges) in bands)
        {
            for (var i = 0; i < ranges.Count; i++)
            {
                if (ranges[i] is { } range)
                {
                    svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"band\" x=\"{N(X(i) - (slot / 2))}\" y=\"{N(Y(range.High))}\" width=\"{N(slot)}\" height=\"{N(Math.Max(0.5, Y(range.Low) - Y(range.High)))}\"><title>{Html.Text(label)}: {Html.Text(tick(range.Low))} to {Html.Text(tick(range.High))}</title></rect>");
                }
            }
        }

        AppendBars(svg, slot, X, Y);
        foreach (var line in series.Where(s => s.Kind != Kind.Bars))
        {
            AppendLine(svg, line, X, Y);
        }

        foreach (var (label, value, css) in references)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<line class=\"reference {css}\" x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{N(Y(value))}\" y2=\"{N(Y(value))}\"><title>{Html.Text(label)}: {Html.Text(tick(value))}</title></line>")
                .Append(CultureInfo.InvariantCulture, $"<text class=\"reference-label\" x=\"{Width - Right - 4}\" y=\"{N(Y(value) - 4)}\">{Html.Text(label)}</text>");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<line class=\"axis\" x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{N(Y(scale.Min))}\" y2=\"{N(Y(scale.Min))}\"/>");
        return svg.Append("</svg>").ToString();
    }

    /// <summary>The legend, in HTML under the chart: one swatch per series, reference line and band.</summary>
    public string Legend()
    {
        var html = new StringBuilder("<ul class=\"legend\">");
        foreach (var s in series)
        {
            html.Append(CultureInfo.InvariantCulture, $"<li><span class=\"swatch {s.Css}{(s.Dashed ? " dashed" : string.Empty)}\"></span>{Html.Text(s.Name)}</li>");
        }

        foreach (var (label, _, css) in references)
        {
            html.Append(CultureInfo.InvariantCulture, $"<li><span class=\"swatch reference {css}\"></span>{Html.Text(label)}</li>");
        }

        foreach (var (label, _) in bands)
        {
            html.Append(CultureInfo.InvariantCulture, $"<li><span class=\"swatch band\"></span>{Html.Text(label)}</li>");
        }

        return html.Append("</ul>").ToString();
    }

    private XyChart Add(Series added)
    {
        if (added.Kind == Kind.Bars && !fromZero)
        {
            throw new InvalidOperationException("bars stand on zero: a chart with bars has an axis from zero");
        }

        if (added.Values.Count != categories.Count)
        {
            throw new ArgumentException($"series '{added.Name}' has {added.Values.Count} values for {categories.Count} categories", nameof(added));
        }

        series.Add(added);
        return this;
    }

    private IEnumerable<double> AllValues() =>
        series.SelectMany(s => s.Values).OfType<double>()
            .Concat(references.Select(r => r.Value))
            .Concat(bands.SelectMany(b => b.Ranges).OfType<(double Low, double High)>().SelectMany(r => new[] { r.Low, r.High }));

    /// <summary>Labels every k-th category, k chosen so that the widest label fits its room; the last is always labelled.</summary>
    private void AppendXLabels(StringBuilder svg, double slot, Func<int, double> x)
    {
        if (categories.Count == 0)
        {
            return;
        }

        var widest = categories.Max(c => c.Length) * CharWidth;
        var every = Math.Max(1, (int)Math.Ceiling((widest + 8) / slot));
        var last = categories.Count - 1;
        var leftEdge = double.PositiveInfinity;
        for (var i = last; i >= 0; i -= every)
        {
            // A label centred on the last category may not run past the chart's right edge, nor onto the one after it.
            var half = categories[i].Length * CharWidth / 2;
            var centre = Math.Min(x(i), Width - 2 - half);
            if (centre + half + 4 > leftEdge)
            {
                continue;
            }

            leftEdge = centre - half;
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"tick x\" x=\"{N(centre)}\" y=\"{Height - Bottom + 16}\">{Html.Text(categories[i])}</text>");
        }
    }

    private void AppendBars(StringBuilder svg, double slot, Func<int, double> x, Func<double, double> y)
    {
        var bars = series.Where(s => s.Kind == Kind.Bars).ToList();
        var width = slot * 0.8 / Math.Max(1, bars.Count);
        for (var b = 0; b < bars.Count; b++)
        {
            var bar = bars[b];
            for (var i = 0; i < bar.Values.Count; i++)
            {
                if (bar.Values[i] is not { } value)
                {
                    continue;
                }

                var left = x(i) - (slot * 0.4) + (b * width);
                var top = Math.Min(y(value), y(0));
                svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"bar {bar.Css}\" data-series=\"{Html.Attribute(bar.Name)}\" data-value=\"{R(value)}\" x=\"{N(left)}\" y=\"{N(top)}\" width=\"{N(Math.Max(0.5, width - 0.5))}\" height=\"{N(Math.Abs(y(0) - y(value)))}\"><title>{Html.Text(bar.Tooltip(i, value))}</title></rect>");
            }
        }
    }

    private static void AppendLine(StringBuilder svg, Series line, Func<int, double> x, Func<double, double> y)
    {
        if (line.Kind == Kind.Line)
        {
            // A gap in the values breaks the line: nothing is drawn across a day without data.
            var run = new List<string>();
            for (var i = 0; i <= line.Values.Count; i++)
            {
                if (i < line.Values.Count && line.Values[i] is { } value)
                {
                    run.Add(N(x(i)) + "," + N(y(value)));
                    continue;
                }

                if (run.Count > 1)
                {
                    svg.Append(CultureInfo.InvariantCulture, $"<polyline class=\"line {line.Css}{(line.Dashed ? " dashed" : string.Empty)}\" points=\"{string.Join(' ', run)}\"/>");
                }

                run.Clear();
            }
        }

        for (var i = 0; i < line.Values.Count; i++)
        {
            if (line.Values[i] is { } value)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<circle class=\"point {line.Css}\" data-series=\"{Html.Attribute(line.Name)}\" data-value=\"{R(value)}\" cx=\"{N(x(i))}\" cy=\"{N(y(value))}\" r=\"{(line.Kind == Kind.Points ? 3.5 : 2.5).ToString(CultureInfo.InvariantCulture)}\"><title>{Html.Text(line.Tooltip(i, value))}</title></circle>");
            }
        }
    }

    private static string N(double value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);

    private static string R(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}

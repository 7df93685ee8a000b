namespace Lockstep.Core.Dashboard;

/// <summary>The page's style sheet, inline: GitHub's lane colours (code blue, model orange), light and dark.</summary>
internal static class DashboardStyle
{
    public const string Css = """
        :root{--fg:#1f2328;--muted:#59636e;--bg:#fff;--panel:#f6f8fa;--line:#d1d9e0;--code:#0969da;--model:#e16f24;--limit:#cf222e;--band:#1a7f37;
        --pass:#1a7f37;--warn:#bf8700;--fail:#cf222e;--error:#818b98;--s1:#8250df;--s2:#0969da;--s3:#e16f24;
        --f0:#0969da;--f1:#e16f24;--f2:#1a7f37;--f3:#8250df;--f4:#bf3989;--f5:#0550ae;--f6:#953800;--f7:#57606a}
        @media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--muted:#9198a1;--bg:#0d1117;--panel:#151b23;--line:#3d444d;--code:#4493f8;--model:#f0883e}}
        *{box-sizing:border-box}body{margin:0;font:14px/1.5 -apple-system,"Segoe UI",Helvetica,Arial,sans-serif;color:var(--fg);background:var(--bg)}
        header,main,footer{max-width:1040px;margin:0 auto;padding:16px 24px}header h1{font-size:24px;margin:8px 0}
        h2{font-size:20px;border-bottom:1px solid var(--line);padding-bottom:6px;margin-top:32px}h3{font-size:15px;margin:0 0 4px}
        nav a{color:var(--code)}.gap{font-size:16px;background:var(--panel);border-left:4px solid var(--model);padding:8px 12px}
        .figure{margin:24px 0;padding:12px 16px;border:1px solid var(--line);border-radius:6px}.figure p{margin:0 0 8px;color:var(--muted)}
        svg.chart{width:100%;height:auto;display:block}.grid{stroke:var(--line);stroke-width:.5}.axis{stroke:var(--muted)}
        .tick{font-size:11px;fill:var(--muted)}.tick.y{text-anchor:end}.tick.x{text-anchor:middle}.row-label{font-size:11px;fill:var(--fg);text-anchor:end}
        .bar.code,.point.code,.swatch.code{fill:var(--code);background:var(--code)}.bar.model,.point.model,.swatch.model{fill:var(--model);background:var(--model)}
        .line{fill:none;stroke-width:1.5}.line.code{stroke:var(--code)}.line.model{stroke:var(--model)}.line.baseline{stroke:var(--muted)}.point.baseline,.swatch.baseline{fill:var(--muted);background:var(--muted)}
        .line.dashed{stroke-dasharray:4 3}.reference{stroke:var(--limit);stroke-width:1.2;stroke-dasharray:6 3}.reference-label{font-size:11px;fill:var(--limit);text-anchor:end}
        .band{fill:var(--band);opacity:.15}.swatch.band{background:var(--band);opacity:.3}.swatch.reference{background:var(--limit);height:2px}
        .segment.stage1,.swatch.stage1{fill:var(--s1);background:var(--s1)}.segment.stage2,.swatch.stage2{fill:var(--s2);background:var(--s2)}.segment.stage3,.swatch.stage3{fill:var(--s3);background:var(--s3)}
        .run.pass{fill:var(--pass);background:var(--pass)}.run.warn{fill:var(--warn);background:var(--warn)}.run.fail{fill:var(--fail);background:var(--fail)}.run.error{fill:var(--error);background:var(--error)}
        .line.f0{stroke:var(--f0)}.line.f1{stroke:var(--f1)}.line.f2{stroke:var(--f2)}.line.f3{stroke:var(--f3)}.line.f4{stroke:var(--f4)}.line.f5{stroke:var(--f5)}.line.f6{stroke:var(--f6)}.line.f7{stroke:var(--f7)}
        .point.f0,.swatch.f0{fill:var(--f0);background:var(--f0)}.point.f1,.swatch.f1{fill:var(--f1);background:var(--f1)}.point.f2,.swatch.f2{fill:var(--f2);background:var(--f2)}.point.f3,.swatch.f3{fill:var(--f3);background:var(--f3)}
        .point.f4,.swatch.f4{fill:var(--f4);background:var(--f4)}.point.f5,.swatch.f5{fill:var(--f5);background:var(--f5)}.point.f6,.swatch.f6{fill:var(--f6);background:var(--f6)}.point.f7,.swatch.f7{fill:var(--f7);background:var(--f7)}
        .legend{list-style:none;padding:0;margin:6px 0;display:flex;flex-wrap:wrap;gap:4px 16px;font-size:12px;color:var(--muted)}
        .swatch{display:inline-block;width:12px;height:10px;margin-right:6px;vertical-align:middle}.swatch.dashed{height:3px}
        details.table summary{cursor:pointer;color:var(--code);font-size:13px;margin-top:6px}
        table.data{border-collapse:collapse;margin:8px 0;font-size:13px;font-variant-numeric:tabular-nums}table.data th,table.data td{border:1px solid var(--line);padding:3px 8px;text-align:right}
        table.data th[scope=row],table.data thead th{text-align:left;background:var(--panel)}#dora-table{width:100%}
        .empty{color:var(--muted);font-style:italic}footer{color:var(--muted);font-size:12px;border-top:1px solid var(--line)}
        """;
}

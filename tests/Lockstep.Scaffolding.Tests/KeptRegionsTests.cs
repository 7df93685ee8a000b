using Lockstep.Core;

namespace Lockstep.Scaffolding.Tests;

public class KeptRegionsTests
{
    private const string Rendered = "# Card v2\n<!-- lockstep:keep notes -->\ndefault notes\n<!-- lockstep:end notes -->\nfooter v2\n  # lockstep:keep steps\n  - default\n  # lockstep:end steps\n";

    [Fact]
    public void A_re_render_keeps_each_regions_text_and_replaces_the_rest()
    {
        const string existing = "# Card v1\n<!-- lockstep:keep notes -->\nour notes\nmore\n<!-- lockstep:end notes -->\nfooter v1\n  # lockstep:keep steps\n  - ours\n  # lockstep:end steps\n";

        var merged = KeptRegions.Merge(Rendered, existing, "MODEL_CARD.md");

        Assert.Equal("# Card v2\n<!-- lockstep:keep notes -->\nour notes\nmore\n<!-- lockstep:end notes -->\nfooter v2\n  # lockstep:keep steps\n  - ours\n  # lockstep:end steps\n", merged);
    }

    [Fact]
    public void A_region_the_template_no_longer_has_is_appended_not_lost()
    {
        const string existing = "<!-- lockstep:keep old -->\nkeep me\n<!-- lockstep:end old -->\n";

        var merged = KeptRegions.Merge(Rendered, existing, "MODEL_CARD.md");

        Assert.EndsWith("\n<!-- lockstep:keep old -->\nkeep me\n<!-- lockstep:end old -->\n", merged, StringComparison.Ordinal);
        Assert.Contains("default notes", merged, StringComparison.Ordinal);
    }

    [Fact]
    public void The_generated_part_leaves_out_the_regions_text()
    {
        Assert.Equal(
            KeptRegions.WithoutBodies(Rendered, "a"),
            KeptRegions.WithoutBodies(Rendered.Replace("default notes", "anything at all\nover lines", StringComparison.Ordinal), "a"));
        Assert.NotEqual(KeptRegions.WithoutBodies(Rendered, "a"), KeptRegions.WithoutBodies(Rendered.Replace("footer", "Footer", StringComparison.Ordinal), "a"));
    }

    [Theory]
    [InlineData("x\n<!-- lockstep:keep a -->\nno end\n", 2, "the region 'a' has no 'lockstep:end a' line")]
    [InlineData("<!-- lockstep:end a -->\n", 1, "'lockstep:end a' without a 'lockstep:keep a' before it")]
    [InlineData("<!-- lockstep:keep a -->\n<!-- lockstep:end a -->\n<!-- lockstep:keep a -->\n<!-- lockstep:end a -->\n", 3, "the region 'a' appears twice")]
    [InlineData("<!-- lockstep:keep a -->\n<!-- lockstep:keep b -->\n<!-- lockstep:end b -->\n<!-- lockstep:end a -->\n", 1, "the region 'a' has no 'lockstep:end a' line")]
    public void Broken_markers_are_an_error_with_the_line(string text, int line, string problem)
    {
        var error = Assert.Throws<InputException>(() => KeptRegions.Read(text, "MODEL_CARD.md"));

        Assert.Equal(line, error.Line);
        Assert.Equal(problem, error.Problem);
    }
}

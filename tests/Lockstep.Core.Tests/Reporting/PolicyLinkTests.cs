using Lockstep.Core.Reporting;

namespace Lockstep.Core.Tests.Reporting;

public sealed class PolicyLinkTests
{
    [Fact]
    public void With_a_tree_the_line_links_to_the_file_at_that_line()
    {
        var link = new PolicyLink("models/churn/lockstep.yml", new Uri("https://github.com/octo-org/model-repo/blob/1a2b3c4d/"));

        Assert.Equal(
            "[models/churn/lockstep.yml line 7](https://github.com/octo-org/model-repo/blob/1a2b3c4d/models/churn/lockstep.yml#L7)",
            link.Line(7));
    }

    [Fact]
    public void Path_segments_are_escaped_in_the_address_and_kept_in_the_words()
    {
        var link = new PolicyLink("ml policies/lockstep#1.yml", new Uri("https://github.com/o/r/blob/abc/"));

        Assert.Equal("[ml policies/lockstep#1.yml line 12](https://github.com/o/r/blob/abc/ml%20policies/lockstep%231.yml#L12)", link.Line(12));
    }

    [Fact]
    public void Without_a_tree_the_line_is_words()
    {
        Assert.Equal("lockstep.yml line 7", new PolicyLink("lockstep.yml").Line(7));
        Assert.Equal("a\\|b.yml line 3", new PolicyLink("a|b.yml").Line(3));
    }
}

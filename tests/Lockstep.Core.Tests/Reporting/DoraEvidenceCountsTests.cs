using Lockstep.Core.Reporting;
using Lockstep.Core.Tests.Dora;

namespace Lockstep.Core.Tests.Reporting;

public sealed class DoraEvidenceCountsTests
{
    [Fact]
    public void Each_lane_is_one_line_of_counts_naming_only_failed_deployments_and_incidents()
    {
        var text = DoraEvidenceCounts.Render(DoraSamples.Report(), cap: null);

        string[] lines =
        [
            "- **Code lane**: 4 deployments, 2 failed (`c4`, `c6`), 1 rework; 1 incident restored (`i2`), 1 open (`i3`)",
            "- **Model lane**: 1 deployment, 0 failed, 0 rework; 1 incident restored (`i4`), 0 open",
            "- **Unattributed incidents**: 1 (`i4`)",
        ];
        Assert.All(lines, line => Assert.Contains(line + "\n", text, StringComparison.Ordinal));
        Assert.DoesNotContain("`c3`", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<details>", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cap_shortens_the_id_lists_and_says_how_many_were_left_out()
    {
        var text = DoraEvidenceCounts.Render(DoraSamples.Report(), cap: 1);

        Assert.Contains("2 failed (`c4`, … 1 more)", text, StringComparison.Ordinal);
        Assert.Contains("… 1 more events not shown; see the dora.json artifact", text, StringComparison.Ordinal);
    }
}

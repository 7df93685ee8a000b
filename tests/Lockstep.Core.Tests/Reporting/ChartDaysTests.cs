using Lockstep.Core.Reporting;

namespace Lockstep.Core.Tests.Reporting;

public class ChartDaysTests
{
    private static List<DateOnly> Days(int count, DateOnly last) => [.. Enumerable.Range(0, count).Select(i => last.AddDays(i - count + 1))];

    [Fact]
    public void Up_to_31_days_every_day_is_a_point_labelled_with_its_day_of_the_month()
    {
        var days = Days(31, new DateOnly(2026, 11, 24));

        var axis = ChartDays.Of(days);

        Assert.Equal(1, axis.Size);
        Assert.Equal(31, axis.Points.Count);
        Assert.StartsWith("\"25\", \"26\", \"27\", \"28\", \"29\", \"30\", \"31\", \"1\", ", axis.Labels(days), StringComparison.Ordinal);
        Assert.Equal("Oct 25 – Nov 24", axis.Span());
    }

    [Fact]
    public void Longer_windows_are_whole_weeks_ending_on_the_last_day()
    {
        var days = Days(90, new DateOnly(2026, 11, 24));

        var axis = ChartDays.Of(days);

        Assert.Equal(7, axis.Size);
        Assert.Equal(12, axis.Points.Count);
        Assert.All(axis.Points, p => Assert.Equal(7, p.Count));
        Assert.Equal(89, axis.Points[^1][^1]);
        Assert.Equal(6, axis.Points[0][0]); // the 6 oldest days make no whole week
        Assert.EndsWith("\"10\", \"17\", \"24\"", axis.Labels(days), StringComparison.Ordinal);
        Assert.Equal("Sep 2 – Nov 24", axis.Span());
    }

    [Fact]
    public void A_span_within_one_month_names_it_once()
    {
        var days = Days(7, new DateOnly(2026, 3, 15));

        Assert.Equal("Mar 9 – 15", ChartDays.Of(days).Span());
    }
}

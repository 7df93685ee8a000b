namespace Lockstep.Data.Tests;

public sealed class ColumnsTests
{
    [Fact]
    public void The_newest_timestamp_passes_over_missing_values()
    {
        var ticks = new[] { 5L, TimestampColumn.Missing, 9L, 7L, 0L };

        Assert.Equal(9L, new TimestampColumn("event_time", ticks, 4).Newest());
        Assert.Equal(5L, new TimestampColumn("event_time", ticks, 2).Newest());
    }

    [Fact]
    public void A_column_of_missing_timestamps_has_none_newest() =>
        Assert.Equal(TimestampColumn.Missing, new TimestampColumn("event_time", [TimestampColumn.Missing, TimestampColumn.Missing], 2).Newest());
}

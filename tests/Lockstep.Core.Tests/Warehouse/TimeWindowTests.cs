using Lockstep.Core.Warehouse;

namespace Lockstep.Core.Tests.Warehouse;

public class TimeWindowTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 20, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("2026-10-01/2026-11-01", "2026-10-01T00:00:00Z", "2026-11-01T00:00:00Z")]
    [InlineData("2026-11-01T06:00:00+02:00/2026-11-01T12:00Z", "2026-11-01T04:00:00Z", "2026-11-01T12:00:00Z")]
    [InlineData("P1D", "2026-12-04T20:00:00Z", "2026-12-05T20:00:00Z")]
    [InlineData("PT6H", "2026-12-05T14:00:00Z", "2026-12-05T20:00:00Z")]
    [InlineData("P1DT12H", "2026-12-04T08:00:00Z", "2026-12-05T20:00:00Z")]
    public void Reads_start_end_and_durations_ending_now(string text, string start, string end)
    {
        var window = TimeWindow.Parse(text, Now);

        Assert.Equal(DateTimeOffset.Parse(start, System.Globalization.CultureInfo.InvariantCulture), window.Start);
        Assert.Equal(DateTimeOffset.Parse(end, System.Globalization.CultureInfo.InvariantCulture), window.End);
    }

    [Theory]
    [InlineData("P1M", "'P1M' is not a duration in days, hours, minutes or seconds (P7D, PT6H, P1DT12H)")]
    [InlineData("P1W", "'P1W' is not a duration in days, hours, minutes or seconds (P7D, PT6H, P1DT12H)")]
    [InlineData("PT0S", "the duration 'PT0S' is not positive")]
    [InlineData("2026-11-01", "'2026-11-01' is not a window; expected start/end (2026-11-01/2026-12-01) or a duration ending now (P7D)")]
    [InlineData("2026-11-02/2026-11-01", "the window '2026-11-02/2026-11-01' ends at or before it starts")]
    [InlineData("yesterday/2026-11-01", "'yesterday' in the window 'yesterday/2026-11-01' is not an ISO 8601 date or instant")]
    public void Refuses_what_is_not_a_window_saying_why(string text, string message)
    {
        Assert.Equal(message, Assert.Throws<FormatException>(() => TimeWindow.Parse(text, Now)).Message);
    }
}

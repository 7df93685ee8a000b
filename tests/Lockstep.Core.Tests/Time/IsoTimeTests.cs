using System.Text;
using Lockstep.Core.Time;

namespace Lockstep.Core.Tests.Time;

public sealed class IsoTimeTests
{
    [Theory]
    [InlineData("2026-11-26", 2026, 11, 26, 0, 0, 0, 0, 0)]
    [InlineData("2026-11-26T06:00", 2026, 11, 26, 6, 0, 0, 0, 0)]
    [InlineData("2026-11-26T06:00:07", 2026, 11, 26, 6, 0, 7, 0, 0)]
    [InlineData("2026-11-26 06:00:07", 2026, 11, 26, 6, 0, 7, 0, 0)]
    [InlineData("2026-11-26T06:00:07Z", 2026, 11, 26, 6, 0, 7, 0, 0)]
    [InlineData("2026-11-26t06:00:07z", 2026, 11, 26, 6, 0, 7, 0, 0)]
    [InlineData("2026-11-26T06:00:07+01:00", 2026, 11, 26, 6, 0, 7, 0, 60)]
    [InlineData("2026-11-26T06:00-05:30", 2026, 11, 26, 6, 0, 0, 0, -330)]
    [InlineData("2024-02-29T23:59:59.5Z", 2024, 2, 29, 23, 59, 59, 5_000_000, 0)]
    [InlineData("2026-11-26T06:00:07.1234567Z", 2026, 11, 26, 6, 0, 7, 1_234_567, 0)]
    [InlineData("2026-11-26T06:00:07.123456789+00:00", 2026, 11, 26, 6, 0, 7, 1_234_567, 0)]
    public void Accepts_the_RFC_3339_forms_and_reads_a_time_without_offset_as_UTC(
        string text, int year, int month, int day, int hour, int minute, int second, long fractionTicks, int offsetMinutes)
    {
        var expected = new DateTimeOffset(year, month, day, hour, minute, second, TimeSpan.FromMinutes(offsetMinutes)).AddTicks(fractionTicks);

        Assert.True(IsoTime.TryParse(text, out var parsed));
        Assert.Equal(expected, parsed);
        Assert.Equal(expected.Offset, parsed.Offset);
        Assert.True(IsoTime.TryParse(Encoding.UTF8.GetBytes(text), out var fromUtf8));
        Assert.Equal(expected, fromUtf8);
    }

    [Theory]
    [InlineData("01/12/2026")]
    [InlineData("12/01/2026")]
    [InlineData("10:30")]
    [InlineData("26.11.2026")]
    [InlineData("2026/11/26")]
    [InlineData("Nov 26, 2026")]
    [InlineData("26 November 2026 06:00")]
    [InlineData("Thu, 26 Nov 2026 06:00:00 GMT")]
    [InlineData("20261126")]
    [InlineData("20261126T060000Z")]
    [InlineData("2026-W48-4")]
    [InlineData("2026-330")]
    [InlineData("2026-11")]
    [InlineData("2026-11-26T")]
    [InlineData("2026-11-26T6:00")]
    [InlineData("2026-11-26T06")]
    [InlineData("2026-11-26T06:00:07.")]
    [InlineData("2026-11-26T06:00:07.1234567890Z")]
    [InlineData("2026-11-26T06:00:07,5Z")]
    [InlineData("2026-11-26T24:00")]
    [InlineData("2026-11-26T06:60")]
    [InlineData("2026-11-26T06:00:60Z")]
    [InlineData("2026-02-29")]
    [InlineData("2026-13-01")]
    [InlineData("2026-00-10")]
    [InlineData("0000-01-01")]
    [InlineData("2026-11-26T06:00+01")]
    [InlineData("2026-11-26T06:00+0100")]
    [InlineData("2026-11-26T06:00+15:00")]
    [InlineData("2026-11-26T06:00+01:60")]
    [InlineData(" 2026-11-26")]
    [InlineData("2026-11-26 ")]
    [InlineData("2026-11-26T06:00:00ZZ")]
    [InlineData("٢٠٢٦-١١-٢٦")]
    [InlineData("")]
    public void Refuses_every_other_form(string text)
    {
        Assert.False(IsoTime.TryParse(text, out _));
        Assert.False(IsoTime.TryParse(Encoding.UTF8.GetBytes(text), out _));
    }

    [Fact]
    public void Refuses_a_time_whose_UTC_value_is_outside_the_calendar()
    {
        Assert.False(IsoTime.TryParse("0001-01-01T00:00+01:00", out _));
        Assert.False(IsoTime.TryParse("9999-12-31T23:00-01:00", out _));
    }

    [Fact]
    public void The_problem_names_the_text_and_the_forms_expected()
    {
        Assert.Equal(
            "expected an ISO 8601 time such as 2026-11-26, 2026-11-26T06:00:00Z or 2026-11-26T06:00:00+01:00 (no offset means UTC), got '01/12/2026'",
            IsoTime.Problem("01/12/2026"));
    }
}

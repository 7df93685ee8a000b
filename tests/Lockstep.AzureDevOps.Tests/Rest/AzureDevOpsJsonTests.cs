using System.Text.Json;
using Lockstep.AzureDevOps.Rest;

namespace Lockstep.AzureDevOps.Tests.Rest;

/// <summary>Times in Azure DevOps answers are read by Lockstep's one ISO 8601 reader: UTC without an offset, nothing culture-dependent.</summary>
public sealed class AzureDevOpsJsonTests
{
    [Theory]
    [InlineData("2026-11-26T06:00:00.123Z", 2026, 11, 26, 6, 0, 0, 123)]
    [InlineData("2026-11-26T06:00:00", 2026, 11, 26, 6, 0, 0, 0)]
    [InlineData("2026-11-26T07:00:00+01:00", 2026, 11, 26, 6, 0, 0, 0)]
    public void A_time_without_an_offset_is_UTC(string text, int year, int month, int day, int hour, int minute, int second, int millisecond)
    {
        var pr = JsonSerializer.Deserialize($$"""{ "pullRequestId": 7, "creationDate": "{{text}}" }""", AzureDevOpsJson.Default.GitPullRequest)!;

        Assert.Equal(new DateTimeOffset(year, month, day, hour, minute, second, millisecond, TimeSpan.Zero), pr.CreationDate);
    }

    [Theory]
    [InlineData("01/12/2026")]
    [InlineData("10:30")]
    public void A_culture_dependent_time_is_refused(string text)
    {
        var error = Assert.Throws<JsonException>(() =>
            JsonSerializer.Deserialize($$"""{ "pullRequestId": 7, "creationDate": "{{text}}" }""", AzureDevOpsJson.Default.GitPullRequest));

        Assert.Contains($"got '{text}'", error.Message, StringComparison.Ordinal);
    }
}

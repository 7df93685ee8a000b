using System.Text.Json.Serialization;
using Lockstep.Core.Json;

namespace Lockstep.Core.Dora;

/// <summary>DORA performance levels (Accelerate State of DevOps 2024 clusters); see docs/dora.md for the bands.</summary>
[JsonConverter(typeof(SnakeCaseEnumConverter<PerformanceLevel>))]
public enum PerformanceLevel
{
    Low,
    Medium,
    High,
    Elite,
}

/// <summary>
/// The bands Lockstep classifies by, taken from the 2024 report's cluster table. Where the clusters overlap or are not
/// monotone (change failure rate: medium 10 % below high 20 %), the band keeps the order elite → low and says so in docs.
/// </summary>
public static class PerformanceLevels
{
    /// <summary>Elite: on demand (≥ 1 a day); high: ≥ 1 a week; medium: ≥ 1 a month; low: less often.</summary>
    public static PerformanceLevel Frequency(double deploysPerDay) => deploysPerDay switch
    {
        >= 1 => PerformanceLevel.Elite,
        >= 1.0 / 7 => PerformanceLevel.High,
        >= 1.0 / 30 => PerformanceLevel.Medium,
        _ => PerformanceLevel.Low,
    };

    /// <summary>Median lead time — elite: under a day; high: under a week; medium: under a month; low: longer.</summary>
    public static PerformanceLevel LeadTime(double medianHours) => medianHours switch
    {
        < 24 => PerformanceLevel.Elite,
        < 24 * 7 => PerformanceLevel.High,
        < 24 * 30 => PerformanceLevel.Medium,
        _ => PerformanceLevel.Low,
    };

    /// <summary>Elite: ≤ 5 %; high: ≤ 20 %; low: more. (No medium band: the 2024 medium cluster's 10 % lies inside high's.)</summary>
    public static PerformanceLevel ChangeFailureRate(double rate) => rate switch
    {
        <= 0.05 => PerformanceLevel.Elite,
        <= 0.20 => PerformanceLevel.High,
        _ => PerformanceLevel.Low,
    };

    /// <summary>Mean time to restore — elite: under an hour; high: under a day; medium: under a week; low: longer.</summary>
    public static PerformanceLevel TimeToRestore(double meanHours) => meanHours switch
    {
        < 1 => PerformanceLevel.Elite,
        < 24 => PerformanceLevel.High,
        < 24 * 7 => PerformanceLevel.Medium,
        _ => PerformanceLevel.Low,
    };
}

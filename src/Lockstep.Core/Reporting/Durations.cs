using System.Globalization;

namespace Lockstep.Core.Reporting;

/// <summary>A duration in hours as a person reads it: minutes under an hour, hours under two days, else days.</summary>
public static class Durations
{
    public static string Format(double hours)
    {
        if (hours < 0)
        {
            return "−" + Format(-hours);
        }

        var minutes = Math.Round(hours * 60);
        if (minutes < 60)
        {
            return minutes.ToString("0", CultureInfo.InvariantCulture) + " min";
        }

        return hours < 48
            ? hours.ToString("0.0", CultureInfo.InvariantCulture) + " h"
            : (hours / 24).ToString("0.0", CultureInfo.InvariantCulture) + " d";
    }
}

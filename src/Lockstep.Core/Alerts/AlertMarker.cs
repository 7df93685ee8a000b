using System.Text.RegularExpressions;

namespace Lockstep.Core.Alerts;

/// <summary>What an incident says about itself: the alert stream it belongs to and whether its remediation was started.</summary>
public readonly record struct AlertStamp(string ReportId, AlertCause Cause, bool RemediationStarted);

/// <summary>
/// The hidden first line of an incident issue or work item,
/// <c>&lt;!-- lockstep:alert id=churn cause=drift remediation=started --&gt;</c>. It is the alert's whole state: the
/// next monitor run, on a runner that kept nothing, finds the open incident of its report id and cause by it, and
/// learns whether a raise got as far as starting the remediation.
/// </summary>
public static partial class AlertMarker
{
    private const string Pending = "pending";
    private const string Started = "started";

    public static string Format(AlertStamp stamp)
    {
        if (!Reporting.ReportMarker.IsValidId(stamp.ReportId))
        {
            throw new ArgumentException($"report id '{stamp.ReportId}' must be {Reporting.ReportMarker.IdRule}", nameof(stamp));
        }

        return $"<!-- lockstep:alert id={stamp.ReportId} cause={CauseName(stamp.Cause)} remediation={(stamp.RemediationStarted ? Started : Pending)} -->";
    }

    /// <summary>The text a search for this alert stream's incidents matches: the marker up to the remediation state.</summary>
    public static string SearchText(string reportId, AlertCause cause) => $"lockstep:alert id={reportId} cause={CauseName(cause)} ";

    /// <summary>Reads the marker at the start of a body; a marker further down (a quotation) does not count.</summary>
    public static bool TryRead(string? body, out AlertStamp stamp)
    {
        var match = body is null ? null : Pattern().Match(body);
        if (match is not { Success: true } || !TryParseCause(match.Groups["cause"].Value, out var cause))
        {
            stamp = default;
            return false;
        }

        stamp = new AlertStamp(match.Groups["id"].Value, cause, match.Groups["remediation"].Value == Started);
        return true;
    }

    /// <summary>The body with its marker saying the remediation was started; the rest unchanged.</summary>
    public static string MarkStarted(string body)
    {
        if (!TryRead(body, out var stamp))
        {
            throw new ArgumentException("the body does not start with an alert marker", nameof(body));
        }

        return Pattern().Replace(body, Format(stamp with { RemediationStarted = true }), 1);
    }

    /// <summary><c>drift</c>, <c>freshness</c> or <c>quality</c>: as markers, payloads and titles write a cause.</summary>
    public static string CauseName(AlertCause cause) => cause switch
    {
        AlertCause.Drift => "drift",
        AlertCause.Freshness => "freshness",
        AlertCause.Quality => "quality",
        _ => throw new ArgumentOutOfRangeException(nameof(cause)),
    };

    private static bool TryParseCause(string text, out AlertCause cause)
    {
        foreach (var candidate in Enum.GetValues<AlertCause>())
        {
            if (CauseName(candidate) == text)
            {
                cause = candidate;
                return true;
            }
        }

        cause = default;
        return false;
    }

    [GeneratedRegex(@"\A\s*<!-- lockstep:alert id=(?<id>[A-Za-z0-9._-]{1,64}) cause=(?<cause>[a-z]+) remediation=(?<remediation>pending|started) -->", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}

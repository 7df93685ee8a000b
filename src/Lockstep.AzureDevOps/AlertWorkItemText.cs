using System.Net;
using System.Text.RegularExpressions;
using Lockstep.Core.Alerts;

namespace Lockstep.AzureDevOps;

/// <summary>
/// The HTML of an incident work item: its description starts with the alert marker written as text (Azure DevOps
/// sanitizes the HTML of rich-text fields, so a comment might not survive), then the figures as preformatted markdown;
/// a history comment is the figures alone.
/// </summary>
internal static partial class AlertWorkItemText
{
    public static string Description(AlertStamp stamp, string figures) =>
        $"<p><code>{WebUtility.HtmlEncode(AlertMarker.Format(stamp))}</code></p>{Comment(figures)}";

    public static string Comment(string figures) => $"<pre>{WebUtility.HtmlEncode(figures)}</pre>";

    /// <summary>The marker at the start of a description, before or after Azure DevOps reformatted its HTML.</summary>
    public static bool TryRead(string? description, out AlertStamp stamp)
    {
        var text = description is null ? null : WebUtility.HtmlDecode(LeadingTags().Replace(description, string.Empty, 1));
        return AlertMarker.TryRead(text, out stamp);
    }

    /// <summary>The description with its marker saying the remediation was started.</summary>
    public static string MarkStarted(string description)
    {
        var at = description.IndexOf("remediation=pending", StringComparison.Ordinal);
        return at < 0 ? description : string.Concat(description.AsSpan(0, at), "remediation=started", description.AsSpan(at + "remediation=pending".Length));
    }

    // Opening tags such as <p><code> before the marker; an HTML comment is the marker itself, if it was kept as one.
    [GeneratedRegex(@"\A(\s*<(?!!--)[^>]*>)+", RegexOptions.CultureInvariant)]
    private static partial Regex LeadingTags();
}

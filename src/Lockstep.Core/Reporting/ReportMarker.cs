using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Lockstep.Core.Reporting;

/// <summary>What a report's comment says about itself: which report it is and a digest of the report it shows.</summary>
public readonly record struct ReportStamp(string Id, string Digest);

/// <summary>
/// The hidden first line of a report comment, <c>&lt;!-- lockstep:report id=gate digest=sha256:… --&gt;</c>. The id
/// lets several workflows each keep their own comment on one pull request; the digest lets a later run see whether
/// its report differs without comparing bodies the platform may have reformatted.
/// </summary>
public static partial class ReportMarker
{
    /// <summary>The report id used when a caller does not choose one.</summary>
    public const string DefaultId = "gate";

    /// <summary>What a report id may be, as messages say it.</summary>
    public const string IdRule = "1 to 64 letters, digits, '.', '_' or '-'";

    public static string Format(string reportId, string digest)
    {
        EnsureValidId(reportId);
        return $"<!-- lockstep:report id={reportId} digest={digest} -->";
    }

    /// <summary>The SHA-256 of the report's UTF-8 bytes, as <c>sha256:</c> and 64 lowercase hex digits.</summary>
    public static string Digest(string markdown) =>
        "sha256:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(markdown))).ToLowerInvariant();

    /// <summary>Reads the marker at the start of a comment body; a marker further down (a quotation) does not count.</summary>
    public static bool TryRead(string? body, out ReportStamp stamp)
    {
        var match = body is null ? null : Pattern().Match(body);
        stamp = match is { Success: true } ? new ReportStamp(match.Groups["id"].Value, match.Groups["digest"].Value) : default;
        return match is { Success: true };
    }

    public static bool IsValidId(string reportId) => reportId.Length is > 0 and <= 64 && IdPattern().IsMatch(reportId);

    public static void EnsureValidId(string reportId)
    {
        if (!IsValidId(reportId))
        {
            throw new ArgumentException($"report id '{reportId}' must be {IdRule}", nameof(reportId));
        }
    }

    [GeneratedRegex(@"\A\s*<!-- lockstep:report id=(?<id>[A-Za-z0-9._-]{1,64}) digest=(?<digest>sha256:[0-9a-f]{64}) -->", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    [GeneratedRegex(@"\A[A-Za-z0-9._-]+\z", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}

using System.Security.Cryptography;
using System.Text;

namespace Lockstep.Core.History;

/// <summary>
/// The content id of a fact: the lowercase hex SHA-256 of a canonical key, so recording the same input twice yields
/// the same ids and adds nothing.
/// </summary>
public static class FactId
{
    /// <summary>The id of a key made of parts; the parts are joined with a separator no part contains (U+001F).</summary>
    public static string Of(params string?[] parts) =>
        Of(string.Join('\u001f', parts.Select(part => part ?? "\u0000")));

    public static string Of(string canonicalKey) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalKey))).ToLowerInvariant();

    /// <summary>The UTC month a fact is partitioned by, <c>yyyy-MM</c>.</summary>
    public static string Month(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
}

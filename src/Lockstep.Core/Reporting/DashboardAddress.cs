namespace Lockstep.Core.Reporting;

/// <summary>The address of a published dashboard, as the action, the task and <c>lockstep report</c> take it: absolute, http or https.</summary>
public static class DashboardAddress
{
    /// <returns>Null when no address is given.</returns>
    /// <exception cref="InputException">The text is not an absolute http or https address.</exception>
    public static Uri? Parse(string? text, string source, string? field)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return Uri.TryCreate(text.Trim(), UriKind.Absolute, out var address) && (address.Scheme == Uri.UriSchemeHttps || address.Scheme == Uri.UriSchemeHttp)
            ? address
            : throw new InputException(source, null, field, $"expected an absolute http or https address, got '{text.Trim()}'");
    }
}

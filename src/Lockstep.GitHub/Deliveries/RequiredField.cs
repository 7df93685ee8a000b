namespace Lockstep.GitHub.Deliveries;

/// <summary>
/// The fields the delivery source cannot do without. An answer that lacks one is not guessed around (a deployment
/// without <c>created_at</c> would silently fall out of the period, a commit without <c>parents</c> would crash): the
/// read stops with one line naming the request and the field, and what was read so far stays in the cache.
/// </summary>
internal static class RequiredField
{
    public static T Of<T>(T? value, string request, string field)
        where T : class =>
        value ?? throw Missing(request, field);

    public static string Of(string? value, string request, string field) =>
        string.IsNullOrEmpty(value) ? throw Missing(request, field) : value;

    /// <summary>A time the JSON reader left at its default because the answer did not have it.</summary>
    public static DateTimeOffset Of(DateTimeOffset value, string request, string field) =>
        value == default ? throw Missing(request, field) : value;

    private static GitHubSourceException Missing(string request, string field) =>
        new($"GitHub's answer to {request} lacks the field {field}; Lockstep does not guess it. Run again; if it persists, the API (or a proxy in front of it) does not answer as GitHub's REST API does.");
}

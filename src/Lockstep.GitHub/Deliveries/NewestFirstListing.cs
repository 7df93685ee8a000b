namespace Lockstep.GitHub.Deliveries;

/// <summary>
/// Reads a listing GitHub returns newest first (deployments, workflow runs), a page at a time by its <c>Link</c>
/// headers, down to the start of the period, or only down to the newest item an earlier run read when that run's
/// period reached back as far: everything older is in the cache already. Records how far it got.
/// </summary>
internal static class NewestFirstListing
{
    public delegate Task<(IReadOnlyList<T> Items, Uri? Next)> PageReader<T>(Uri address, IDictionary<string, string>? parameters);

    public static async Task ReadAsync<T>(
        DeliveryCache cache,
        string key,
        DateTimeOffset since,
        Uri first,
        IDictionary<string, string> parameters,
        PageReader<T> page,
        Func<T, (long Id, DateTimeOffset CreatedAt)> identify,
        Action<T> take)
    {
        var state = cache.Listings.GetValueOrDefault(key);
        var known = state is not null && state.CoveredFrom <= since ? state.NewestId : long.MinValue;
        var newest = state?.NewestId ?? 0;
        var stoppedAtKnown = false;
        Uri? next = first;
        IDictionary<string, string>? query = parameters;
        while (next is not null)
        {
            var (items, following) = await page(next, query).ConfigureAwait(false);
            (next, query) = (following, null);
            foreach (var item in items)
            {
                var (id, created) = identify(item);
                if (created < since || id <= known)
                {
                    stoppedAtKnown = id <= known;
                    next = null;
                    break;
                }

                newest = Math.Max(newest, id);
                take(item);
            }
        }

        cache.Listings[key] = new ListingState { CoveredFrom = stoppedAtKnown ? state!.CoveredFrom : since, NewestId = newest };
    }
}

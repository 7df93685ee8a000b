namespace Lockstep.Core.Policy;

/// <summary>
/// "Did you mean …?" for misspelt keys, metric names and commands: the only candidate that the typed text begins
/// (three characters or more), else the closest candidate by optimal string alignment distance (Damerau–Levenshtein
/// where each letter is edited at most once: an insertion, deletion, substitution or swap of two neighbours is one
/// edit) within a third of the typed length, at least 1; on a tie, the first candidate in the given order.
/// </summary>
public static class Suggestions
{
    public static string? Closest(string typed, IEnumerable<string> candidates)
    {
        var limit = Math.Max(1, typed.Length / 3);
        var all = candidates.ToList();
        if (typed.Length >= 3 && all.Where(c => c.StartsWith(typed, StringComparison.Ordinal)).ToList() is [var completion])
        {
            return completion;
        }

        return all
            .Select(candidate => (candidate, distance: EditDistance(typed, candidate)))
            .Where(pair => pair.distance <= limit)
            .OrderBy(pair => pair.distance)
            .Select(pair => pair.candidate)
            .FirstOrDefault();
    }

    /// <summary>Edit distance counting a swap of two neighbouring letters as one edit (optimal string alignment).</summary>
    public static int EditDistance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}

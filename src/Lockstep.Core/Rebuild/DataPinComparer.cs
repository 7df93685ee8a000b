using Lockstep.Core.Contracts;

namespace Lockstep.Core.Rebuild;

/// <summary>
/// Compares the data sets of two report cards, matched by role and URI (or by role alone when each card has one
/// unmatched data set of that role): their digests and row counts. A registered data set without a digest, or a
/// registered card without data sets, leaves the check unable to tell.
/// </summary>
internal static class DataPinComparer
{
    public static void Compare(IReadOnlyList<DatasetReference> registered, IReadOnlyList<DatasetReference> rebuilt, List<RebuildDifference> differences, List<string> cannotTell)
    {
        if (registered.Count == 0)
        {
            cannotTell.Add("datasets: no data pin in the registered card");
        }

        foreach (var pin in registered.Where(p => p.Sha256 is null))
        {
            cannotTell.Add($"{Label(pin)}: sha256 missing from the registered card");
        }

        var unmatched = rebuilt.ToList();
        var unpaired = new List<DatasetReference>();
        foreach (var pin in registered)
        {
            var same = unmatched.FindIndex(p => p.Role == pin.Role && p.Uri == pin.Uri);
            if (same >= 0)
            {
                ComparePin(pin, unmatched[same], differences);
                unmatched.RemoveAt(same);
            }
            else
            {
                unpaired.Add(pin);
            }
        }

        foreach (var pin in unpaired)
        {
            var sameRole = unmatched.Where(p => p.Role == pin.Role).ToList();
            if (sameRole.Count == 1 && unpaired.Count(p => p.Role == pin.Role) == 1)
            {
                differences.Add(PinDifference(pin, "uri", pin.Uri, sameRole[0].Uri, $"data pin '{pin.Role}': uri {pin.Uri} registered, {sameRole[0].Uri} rebuilt"));
                ComparePin(pin, sameRole[0], differences);
                unmatched.Remove(sameRole[0]);
            }
            else
            {
                differences.Add(PinDifference(pin, null, pin.Uri, null, $"{Label(pin)}: missing from the rebuilt card"));
            }
        }

        foreach (var pin in unmatched)
        {
            differences.Add(PinDifference(pin, null, null, pin.Uri, $"{Label(pin)}: missing from the registered card"));
        }
    }

    private static void ComparePin(DatasetReference registered, DatasetReference rebuilt, List<RebuildDifference> differences)
    {
        if (registered.Sha256 is { } digest && !string.Equals(digest, rebuilt.Sha256, StringComparison.OrdinalIgnoreCase))
        {
            differences.Add(Field(registered, "sha256", digest, rebuilt.Sha256));
        }

        if (registered.Rows != rebuilt.Rows)
        {
            differences.Add(Field(registered, "rows", RebuildComparer.Text(registered.Rows), RebuildComparer.Text(rebuilt.Rows)));
        }
    }

    /// <summary><c>data pin 'train' (data/train.csv): sha256 4f2a… registered, 9c1b… rebuilt</c>.</summary>
    private static RebuildDifference Field(DatasetReference pin, string field, string? registered, string? rebuilt)
    {
        var values = (registered, rebuilt) switch
        {
            (null, _) => $"{field} missing from the registered card",
            (_, null) => $"{field} missing from the rebuilt card",
            _ => $"{field} {registered} registered, {rebuilt} rebuilt",
        };
        return PinDifference(pin, field, registered, rebuilt, $"{Label(pin)}: {values}");
    }

    private static RebuildDifference PinDifference(DatasetReference pin, string? field, string? registered, string? rebuilt, string message) => new()
    {
        Kind = RebuildDifferenceKind.DataPin,
        Subject = pin.Role,
        Field = field,
        Registered = registered,
        Rebuilt = rebuilt,
        Message = message,
    };

    private static string Label(DatasetReference pin) => $"data pin '{pin.Role}' ({pin.Uri})";
}

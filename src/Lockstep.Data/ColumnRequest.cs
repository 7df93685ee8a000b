namespace Lockstep.Data;

/// <summary>What a command needs from a column.</summary>
public enum ColumnKind
{
    /// <summary>A number. Missing values are NaN when allowed, else an error naming the row.</summary>
    Number,

    /// <summary>A binary label: 0/1 or false/true.</summary>
    Label,

    /// <summary>Text, dictionary-encoded (categories, slices).</summary>
    Text,

    /// <summary>An ISO 8601 timestamp (UTC when no offset is given).</summary>
    Timestamp,
}

/// <param name="Latest">For timestamps: the latest time a cell may hold; a later one is an error naming its row.</param>
public sealed record ColumnRequest(string Name, ColumnKind Kind, bool AllowMissing = false, DateTimeOffset? Latest = null);

/// <summary>A column of a file and the kind its values suggest (numbers, or text otherwise).</summary>
public sealed record ColumnInfo(string Name, ColumnKind Kind);

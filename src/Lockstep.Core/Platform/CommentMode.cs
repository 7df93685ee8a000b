namespace Lockstep.Core.Platform;

/// <summary>When the report is written as a pull request comment (the modes of EnricoMi's test-result action).</summary>
public enum CommentMode
{
    /// <summary>Create or update the comment on every run.</summary>
    Always,

    /// <summary>Create the comment, or update it only when the report differs from the one it shows.</summary>
    Changes,

    /// <summary>Create the comment only when the gate fails; update an existing one (so it can show the fix).</summary>
    Failures,

    /// <summary>Never comment.</summary>
    Off,
}

/// <summary>The modes' names as users write them.</summary>
public static class CommentModes
{
    public static string Name(CommentMode mode) => mode switch
    {
        CommentMode.Always => "always",
        CommentMode.Changes => "changes",
        CommentMode.Failures => "failures",
        CommentMode.Off => "off",
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, null),
    };

    public static bool TryParse(string value, out CommentMode mode)
    {
        foreach (var candidate in Enum.GetValues<CommentMode>())
        {
            if (string.Equals(Name(candidate), value, StringComparison.OrdinalIgnoreCase))
            {
                mode = candidate;
                return true;
            }
        }

        mode = default;
        return false;
    }
}

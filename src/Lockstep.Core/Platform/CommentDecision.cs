using Lockstep.Core.Reporting;

namespace Lockstep.Core.Platform;

public enum CommentAction
{
    Skip,
    Create,
    Update,
    LeaveUnchanged,
}

/// <summary>
/// The one place that decides whether to write the report's comment, the same for every platform.
/// </summary>
public static class CommentDecision
{
    /// <summary>Whether the existing comments must be read at all; <see cref="CommentMode.Off"/> sends no request.</summary>
    public static bool NeedsLookup(CommentMode mode) => mode != CommentMode.Off;

    /// <param name="previous">The marker of the report's existing comment, if there is one.</param>
    /// <param name="digest">The digest of the report about to be written (<see cref="ReportMarker.Digest"/>).</param>
    public static CommentAction Decide(CommentMode mode, bool failing, ReportStamp? previous, string digest) => mode switch
    {
        CommentMode.Off => CommentAction.Skip,
        CommentMode.Always => previous is null ? CommentAction.Create : CommentAction.Update,
        CommentMode.Changes => previous is null ? CommentAction.Create : Refresh(previous.Value, digest),
        CommentMode.Failures when previous is null => failing ? CommentAction.Create : CommentAction.Skip,
        CommentMode.Failures => Refresh(previous!.Value, digest),
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, null),
    };

    private static CommentAction Refresh(ReportStamp previous, string digest) =>
        string.Equals(previous.Digest, digest, StringComparison.Ordinal) ? CommentAction.LeaveUnchanged : CommentAction.Update;
}

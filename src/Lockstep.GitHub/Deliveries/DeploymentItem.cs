namespace Lockstep.GitHub.Deliveries;

/// <summary>
/// The fields of a REST deployment the source reads. Octokit's <c>Deployment</c> model types <c>payload</c> as a
/// dictionary of strings and fails on a payload holding objects or numbers, which deployment tools often send; this
/// shape leaves the payload out.
/// </summary>
internal sealed class DeploymentItem
{
    public long Id { get; set; }

    public string Sha { get; set; } = string.Empty;

    public string Environment { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }
}

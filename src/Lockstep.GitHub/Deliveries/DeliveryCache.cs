namespace Lockstep.GitHub.Deliveries;

/// <summary>
/// What earlier runs learned from one repository's delivery history, kept in a JSON file between runs (for example
/// with actions/cache): answers to revalidate with their ETags, and the facts that no longer change — settled
/// deployments and runs, the commits between two SHAs, a squash merge's pull request, incident issues.
/// </summary>
public sealed class DeliveryCache
{
    public const string SchemaId = "lockstep.github-cache/v1";

    public string Schema { get; set; } = SchemaId;

    /// <summary>The API base address and <c>owner/name</c> the facts came from; a cache of another repository is not used.</summary>
    public string Api { get; set; } = string.Empty;

    public string Repository { get; set; } = string.Empty;

    /// <summary>Answers to polled requests (listings, deployment statuses), by request, for conditional requests.</summary>
    public Dictionary<string, StoredResponse> Responses { get; set; } = new(StringComparer.Ordinal);

    /// <summary>How far each listing (deployments, workflow runs, issues by label) has been read.</summary>
    public Dictionary<string, ListingState> Listings { get; set; } = new(StringComparer.Ordinal);

    public Dictionary<long, DeploymentRecord> Deployments { get; set; } = [];

    public Dictionary<long, RunRecord> Runs { get; set; } = [];

    /// <summary>The commits of <c>base...head</c>, by that key: fixed once both SHAs are.</summary>
    public Dictionary<string, List<CommitRecord>> Compares { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Single commits, by SHA: what a first deployment brought.</summary>
    public Dictionary<string, CommitRecord> Commits { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The pull request a squash or rebase merge commit came from, by the commit's SHA (number null: none).</summary>
    public Dictionary<string, PullRecord> Pulls { get; set; } = new(StringComparer.Ordinal);

    public Dictionary<long, IssueRecord> Issues { get; set; } = [];

    public static DeliveryCache For(Uri api, string repository) => new() { Api = api.AbsoluteUri, Repository = repository };

    internal bool Describes(Uri api, string repository) =>
        Schema == SchemaId
        && string.Equals(Api, api.AbsoluteUri, StringComparison.OrdinalIgnoreCase)
        && string.Equals(Repository, repository, StringComparison.OrdinalIgnoreCase);
}

/// <summary>An answer kept for a conditional request: a 304 for its ETag gives it back.</summary>
public sealed class StoredResponse
{
    public string ETag { get; set; } = string.Empty;

    public string? ContentType { get; set; }

    /// <summary>The <c>Link</c> header, so that paging through a cached answer goes on where GitHub said.</summary>
    public string? Link { get; set; }

    public string Body { get; set; } = string.Empty;
}

/// <summary>A listing read newest first: everything from <see cref="CoveredFrom"/> up to <see cref="NewestId"/> is in the cache.</summary>
public sealed class ListingState
{
    public DateTimeOffset CoveredFrom { get; set; }

    public long NewestId { get; set; }

    /// <summary>For issues: the newest <c>updated_at</c> seen, where the next run's <c>since</c> starts.</summary>
    public DateTimeOffset? Cursor { get; set; }
}

/// <summary>A GitHub deployment and what its statuses say.</summary>
public sealed class DeploymentRecord
{
    public long Id { get; set; }

    public string Environment { get; set; } = string.Empty;

    public string Sha { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Whether its statuses have been read at least once.</summary>
    public bool Checked { get; set; }

    /// <summary>
    /// Whether its outcome can no longer change: it failed or was rolled back, or when its statuses were last read a
    /// newer deployment to the same environment had already succeeded.
    /// </summary>
    public bool Final { get; set; }

    /// <summary><c>success</c>, <c>failure</c> or <c>rolled_back</c>; null while it has not finished.</summary>
    public string? Status { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }
}

/// <summary>A run of a deploy workflow.</summary>
public sealed class RunRecord
{
    public long Id { get; set; }

    public string Workflow { get; set; } = string.Empty;

    public string Sha { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }

    public bool Completed { get; set; }

    /// <summary><c>success</c> or <c>failure</c>; null for a run that is not a deployment (cancelled, skipped) or not completed.</summary>
    public string? Status { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }
}

public sealed class CommitRecord
{
    public string Sha { get; set; } = string.Empty;

    public DateTimeOffset? AuthoredAt { get; set; }

    public DateTimeOffset? CommittedAt { get; set; }

    /// <summary>How many parents it has: a squash or rebase merge has one, a merge commit two.</summary>
    public int Parents { get; set; }
}

public sealed class PullRecord
{
    public int? Number { get; set; }

    public List<CommitRecord> Commits { get; set; } = [];
}

public sealed class IssueRecord
{
    public long Number { get; set; }

    public List<string> Labels { get; set; } = [];

    public DateTimeOffset OpenedAt { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

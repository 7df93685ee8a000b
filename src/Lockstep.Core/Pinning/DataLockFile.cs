namespace Lockstep.Core.Pinning;

/// <summary>
/// The data lock <c>lockstep.data-lock/v1</c> (<c>data.lock.json</c>): data files pinned by content.
/// Schema: <c>docs/schemas/data-lock.v1.schema.json</c>.
/// </summary>
public sealed record DataLockFile
{
    public const string SchemaId = "lockstep.data-lock/v1";

    /// <summary>The lock's usual file name, next to <c>lockstep.yml</c> at the repository root.</summary>
    public const string FileName = "data.lock.json";

    public required string Schema { get; init; }

    /// <summary>Path relative to the lock's directory, with forward slashes (see <see cref="DataLockPaths"/>), to its pin.</summary>
    public required IReadOnlyDictionary<string, DataPin> Files { get; init; }
}

/// <summary>What a file must be: its SHA-256 (64 lowercase hex digits) and its size in bytes.</summary>
public sealed record DataPin
{
    public required string Sha256 { get; init; }

    public required long Size { get; init; }
}

using Lockstep.Core.Dora;

namespace Lockstep.GitHub.Deliveries;

/// <summary>A finished GitHub deployment or deploy workflow run, placed in its lane, before its commits are known.</summary>
internal sealed record Delivery(Lane Lane, string Environment, string Id, string Sha, DateTimeOffset CreatedAt, string Status, DateTimeOffset FinishedAt);

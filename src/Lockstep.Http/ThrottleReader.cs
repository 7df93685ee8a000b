namespace Lockstep.Http;

/// <summary>
/// How a platform says "slow down": a <see cref="Throttle"/> when the answer is one, null otherwise. The answer's
/// content may be read (it is buffered); <paramref name="now"/> is the policy's clock.
/// </summary>
public delegate ValueTask<Throttle?> ThrottleReader(HttpResponseMessage answer, DateTimeOffset now);

/// <summary>A throttled answer: the wait it asks for, or null to back off as after a server error.</summary>
public readonly record struct Throttle(TimeSpan? Wait);

namespace Lockstep.Prometheus;

/// <summary>
/// An extra header sent with every query, such as <c>Authorization: Bearer …</c> read from an environment variable by
/// the caller. Its value is a secret: <see cref="ToString"/> shows the name only, and no message ever contains it.
/// </summary>
public sealed record PrometheusHeader(string Name, string Value)
{
    public override string ToString() => $"{Name}: ***";
}

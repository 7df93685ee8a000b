namespace Lockstep.Prometheus;

/// <summary>
/// A query Prometheus did not answer with data, as one line:
/// <c>prometheus &lt;url&gt;: &lt;status&gt; &lt;error&gt; for query &lt;q&gt;</c>. Never carries a header's value.
/// </summary>
public sealed class PrometheusException : Exception
{
    public PrometheusException(string message)
        : base(message)
    {
    }

    public PrometheusException()
    {
    }

    public PrometheusException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

namespace Lockstep.Core.Metrics;

/// <summary>
/// A metric that is undefined for the data it was given (one class only, an empty set, no variance).
/// The caller names the file and column; the message says what is wrong with the data.
/// </summary>
public sealed class MetricException : Exception
{
    public MetricException()
    {
    }

    public MetricException(string message)
        : base(message)
    {
    }

    public MetricException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

namespace Lockstep.Warehouse;

/// <summary>The database refused a query or a connection: one line for the user, naming what was being done.</summary>
public sealed class WarehouseException : Exception
{
    public WarehouseException()
    {
    }

    public WarehouseException(string message)
        : base(message)
    {
    }

    public WarehouseException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The first line of a database's message, without a trailing period.</summary>
    public static string FirstLine(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var line = exception.Message.Split('\n', 2)[0].Trim().TrimEnd('.');
        return line.Length == 0 ? exception.GetType().Name : line;
    }
}

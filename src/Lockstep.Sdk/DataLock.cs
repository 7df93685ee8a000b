namespace Lockstep.Sdk;

/// <summary>Data files pinned by content in <c>data.lock.json</c>.</summary>
public static class DataLock
{
    /// <summary>Verifies the file against its pin and returns its full path.</summary>
    public static string Path(string path) => throw new NotImplementedException();
}

namespace Lockstep.Tests.Shared;

/// <summary>
/// A lock across the test processes of one checkout, held while the tool's project graph is packed (see
/// <see cref="ReleaseScript"/>): an exclusively opened file under artifacts/tests.
/// </summary>
internal static class ToolPackLock
{
    public static IDisposable Acquire()
    {
        var path = Repository.Path("artifacts/tests/tool-pack.lock");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (waited.Elapsed < TimeSpan.FromMinutes(15))
            {
                Thread.Sleep(TimeSpan.FromMilliseconds(500));
            }
        }
    }
}

namespace Lockstep.Tests.Shared;

/// <summary>
/// The recorded and published service payloads kept beside the repository in <c>../shared/fixtures</c>
/// (see its README for sources and licences), read as they are.
/// </summary>
internal static class SharedFixtures
{
    private static readonly Lazy<string> Root = new(FindRoot);

    public static string Path(string relative) => System.IO.Path.Combine(Root.Value, relative);

    public static string Read(string relative) => File.ReadAllText(Path(relative));

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "Sdk.sln")))
            {
                return System.IO.Path.GetFullPath(System.IO.Path.Combine(directory.FullName, "..", "shared", "fixtures"));
            }
        }

        throw new InvalidOperationException($"no Sdk.sln above {AppContext.BaseDirectory}");
    }
}

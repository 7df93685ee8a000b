namespace Lockstep.Tests.Shared;

/// <summary>
/// The recorded and published service payloads kept beside the repository in <c>../shared/fixtures</c>
/// (see its README for sources and licences), read as they are.
/// </summary>
internal static class SharedFixtures
{
    public static string Path(string relative) =>
        System.IO.Path.GetFullPath(System.IO.Path.Combine(Repository.Root, "..", "shared", "fixtures", relative));

    public static string Read(string relative) => File.ReadAllText(Path(relative));
}

namespace Lockstep.Tests.Shared;

/// <summary>
/// The npm packages of tests/package.json, restored into tests/node_modules by the build
/// (tests/Directory.Build.targets) for projects that set <c>UsesTestNpmPackages</c>.
/// </summary>
internal static class TestNpmPackages
{
    public static string Directory { get; } = Repository.Path("tests/node_modules");

    /// <summary>A file of an installed package, e.g. <c>Path("@octokit/webhooks-examples", "api.github.com/index.json")</c>.</summary>
    public static string Path(string package, string relative)
    {
        var path = System.IO.Path.Combine(Directory, package, relative);
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"{path} is missing: the build restores tests/package.json with `npm ci` (Node 20 and npm)", path);
    }
}

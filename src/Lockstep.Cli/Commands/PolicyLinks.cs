using Lockstep.Core.Gates;
using Lockstep.Core.Reporting;

namespace Lockstep.Cli.Commands;

/// <summary>
/// The policy file as the PR comment's reasons name it, by where Lockstep runs: on GitHub Actions its path from the
/// workspace, linked to the PR head's blob on the workflow's server; on Azure Pipelines its path from the sources
/// directory; elsewhere its path from the git root found upward from the working directory (else from the working
/// directory). A file outside that root is named by its file name: a comment never shows a runner's absolute path.
/// </summary>
internal static class PolicyLinks
{
    /// <summary>The platform's link, chosen by the variables each CI sets (<c>GITHUB_ACTIONS</c>, <c>TF_BUILD</c>).</summary>
    public static PolicyLink ForRun(CliContext context, string policyPath, string? headSha) =>
        context.Variable("GITHUB_ACTIONS") == "true" ? GitHub(context, policyPath, headSha)
        : string.Equals(context.Variable("TF_BUILD"), "true", StringComparison.OrdinalIgnoreCase) ? AzureDevOps(context, policyPath)
        : Local(context, policyPath);

    /// <summary>
    /// The gate result with its input files named as the policy is, from the platform's repository root, so the
    /// comment's inputs table never shows a runner's absolute path either.
    /// </summary>
    public static GateResult WithRepositoryPaths(CliContext context, GateResult result)
    {
        var root = context.Variable("GITHUB_ACTIONS") == "true" ? Root(context, "GITHUB_WORKSPACE")
            : string.Equals(context.Variable("TF_BUILD"), "true", StringComparison.OrdinalIgnoreCase) ? Root(context, "BUILD_SOURCESDIRECTORY")
            : GitRoot(context.WorkingDirectory) ?? context.WorkingDirectory;
        return result with { Inputs = [.. result.Inputs.Select(i => i with { Path = RepositoryPath(context, i.Path, root).Text })] };
    }

    /// <param name="headSha">The pull request's head commit; <c>GITHUB_SHA</c> when null.</param>
    public static PolicyLink GitHub(CliContext context, string policyPath, string? headSha)
    {
        var path = RepositoryPath(context, policyPath, Root(context, "GITHUB_WORKSPACE"));
        var sha = headSha ?? context.Variable("GITHUB_SHA");
        if (path.Inside && context.Variable("GITHUB_REPOSITORY") is { Length: > 0 } repository && !string.IsNullOrEmpty(sha))
        {
            var server = context.Variable("GITHUB_SERVER_URL") is { Length: > 0 } url ? url.TrimEnd('/') : "https://github.com";
            return new PolicyLink(path.Text, new Uri($"{server}/{repository}/blob/{Uri.EscapeDataString(sha)}/"));
        }

        return new PolicyLink(path.Text);
    }

    public static PolicyLink AzureDevOps(CliContext context, string policyPath) =>
        new(RepositoryPath(context, policyPath, Root(context, "BUILD_SOURCESDIRECTORY")).Text);

    public static PolicyLink Local(CliContext context, string policyPath) =>
        new(RepositoryPath(context, policyPath, GitRoot(context.WorkingDirectory) ?? context.WorkingDirectory).Text);

    private static string Root(CliContext context, string variable) =>
        context.Variable(variable) is { Length: > 0 } root ? context.Resolve(root) : GitRoot(context.WorkingDirectory) ?? context.WorkingDirectory;

    private static string? GitRoot(string start)
    {
        for (var directory = start; directory is not null; directory = Path.GetDirectoryName(directory))
        {
            if (Directory.Exists(Path.Combine(directory, ".git")) || File.Exists(Path.Combine(directory, ".git")))
            {
                return directory;
            }
        }

        return null;
    }

    private static (string Text, bool Inside) RepositoryPath(CliContext context, string policyPath, string root)
    {
        var full = context.Resolve(policyPath);
        var relative = Path.GetRelativePath(root, full);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative)
            ? (Path.GetFileName(full), false)
            : (relative.Replace('\\', '/'), true);
    }
}

namespace Lockstep.Browser.Tests.Harness;

/// <summary>
/// Which Chromium the browser tests drive: <c>LOCKSTEP_CHROMIUM</c> when set, else the first of the usual Debian and
/// Ubuntu paths that exists. No browser is ever downloaded; without one the tests fail with how to install it.
/// </summary>
public static class ChromiumExecutable
{
    public const string Variable = "LOCKSTEP_CHROMIUM";

    public static IReadOnlyList<string> UsualPaths { get; } = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

    public static string Find() => Find(Environment.GetEnvironmentVariable(Variable), File.Exists);

    /// <exception cref="InvalidOperationException">No Chromium: the message says how to install one.</exception>
    public static string Find(string? configured, Func<string, bool> exists)
    {
        ArgumentNullException.ThrowIfNull(exists);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return exists(configured)
                ? configured
                : throw new InvalidOperationException($"{Variable} is {configured}, which does not exist. {HowToInstall}");
        }

        return UsualPaths.FirstOrDefault(exists)
            ?? throw new InvalidOperationException($"The browser tests need Chromium and found none at {string.Join(", ", UsualPaths)}. {HowToInstall}");
    }

    private static string HowToInstall =>
        $"Install it with `apt-get install chromium` (Debian; `chromium-browser` on Ubuntu), or set {Variable} to a Chromium or Chrome executable.";
}

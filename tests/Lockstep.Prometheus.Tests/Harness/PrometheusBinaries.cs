namespace Lockstep.Prometheus.Tests.Harness;

/// <summary>
/// Debian's <c>prometheus</c> and <c>promtool</c>, which the tests run for real. Missing, every test that needs them
/// fails with how to install them; none is skipped.
/// </summary>
public static class PrometheusBinaries
{
    public static IReadOnlyList<string> Folders { get; } = ["/usr/bin", "/usr/local/bin"];

    public static string Prometheus => Find("prometheus", File.Exists);

    public static string Promtool => Find("promtool", File.Exists);

    /// <exception cref="InvalidOperationException">Not installed: the message says how to install it.</exception>
    public static string Find(string name, Func<string, bool> exists)
    {
        ArgumentNullException.ThrowIfNull(exists);
        return Folders.Select(folder => Path.Combine(folder, name)).FirstOrDefault(exists)
            ?? throw new InvalidOperationException(
                $"The Prometheus tests need {name} and found none in {string.Join(", ", Folders)}. Install it with `apt-get install prometheus` (Debian; it brings promtool).");
    }
}

namespace Lockstep.Scaffolding;

/// <summary>
/// The package versions the starter repository pins. The test packages are the ones this repository's own tests
/// use, so a machine that builds Lockstep has them in its package cache.
/// </summary>
public static class StarterPackages
{
    public const string MicrosoftMl = "5.0.1";

    public const string TestSdk = "17.14.1";

    public const string Xunit = "2.9.3";

    public const string XunitRunner = "3.1.4";
}

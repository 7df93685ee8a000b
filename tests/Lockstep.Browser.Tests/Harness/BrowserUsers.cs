namespace Lockstep.Browser.Tests.Harness;

/// <summary>The tests that share one <see cref="BrowserFixture"/>: mark a test class <c>[Collection(BrowserUsers.Name)]</c>.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserUsers : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}

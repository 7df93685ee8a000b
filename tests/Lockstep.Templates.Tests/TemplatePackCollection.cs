namespace Lockstep.Templates.Tests;

/// <summary>The tests that share one packed and installed template pack.</summary>
[CollectionDefinition(Name)]
public sealed class TemplatePackUsers : ICollectionFixture<TemplatePack>
{
    public const string Name = "templates";
}

using System.Reflection;

namespace Lockstep.Scaffolding.Engine;

/// <summary>The templates shipped inside this assembly: the files of the repository's <c>templates/scriban</c> folder.</summary>
public static class BuiltInTemplates
{
    private const string Prefix = "templates/";

    private static readonly Assembly Assembly = typeof(BuiltInTemplates).Assembly;

    /// <summary>Every built-in template's name, sorted.</summary>
    public static IReadOnlyList<string> Names { get; } = Assembly.GetManifestResourceNames()
        .Where(name => name.StartsWith(Prefix, StringComparison.Ordinal))
        .Select(name => name[Prefix.Length..])
        .Order(StringComparer.Ordinal)
        .ToList();

    public static string? TryRead(string name)
    {
        using var stream = Assembly.GetManifestResourceStream(Prefix + name);
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().ReplaceLineEndings("\n");
    }
}

using System.Text;

namespace Lockstep.Scaffolding;

/// <summary>
/// A model's name reduced to what may appear in CI files: lower-case letters, digits, <c>.</c>, <c>_</c> and <c>-</c>.
/// GitHub and Azure evaluate <c>${{ }}</c> anywhere in a pipeline file, so free text never goes there; the slug does.
/// For a name that is a C# identifier (what <c>dotnet new -n</c> takes) the slug is the name in lower case.
/// At most 64 characters, so it can also be the action's <c>report-id</c>.
/// </summary>
public static class ModelSlug
{
    public const int MaxLength = 64;

    public static string From(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name.ToLowerInvariant())
        {
            var allowed = c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '.' or '_' or '-';
            if (allowed)
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        var slug = builder.ToString();
        slug = slug[..Math.Min(slug.Length, MaxLength)].Trim('-', '.', '_');
        return slug.Length == 0 ? "model" : slug;
    }
}

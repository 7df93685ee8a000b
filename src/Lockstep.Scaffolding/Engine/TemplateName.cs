using System.Text.RegularExpressions;

namespace Lockstep.Scaffolding.Engine;

/// <summary>
/// A template's name: a relative path of segments (<c>github/lockstep-pr.yml.sbn</c>). Anything else —
/// an absolute path, <c>..</c>, a backslash, a drive letter — is refused before any file is looked at.
/// </summary>
public static partial class TemplateName
{
    public static bool IsValid(string name) => ValidName().IsMatch(name);

    public static void Require(string name, string caller)
    {
        if (!IsValid(name))
        {
            throw new TemplateException(caller, $"'{name}' is not a template name: expected a relative path of letters, digits, '.', '_' and '-' segments, without '..'");
        }
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*(/[A-Za-z0-9][A-Za-z0-9._-]*)*$", RegexOptions.CultureInvariant)]
    private static partial Regex ValidName();
}

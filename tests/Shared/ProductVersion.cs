using System.Text.RegularExpressions;

namespace Lockstep.Tests.Shared;

/// <summary>The version this repository builds and releases: <c>&lt;Version&gt;</c> in Directory.Build.props.</summary>
internal static partial class ProductVersion
{
    public static string Value { get; } = VersionElement().Match(Repository.Read("Directory.Build.props")).Groups[1].Value;

    [GeneratedRegex("<Version>(.+?)</Version>")]
    private static partial Regex VersionElement();
}

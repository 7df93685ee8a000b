namespace Lockstep.Analyzers;

internal static class HelpLinks
{
    public const string RulesBase = "https://github.com/lockstep-ml/lockstep/blob/main/docs/rules/";

    public static string For(string id) => RulesBase + id + ".md";
}

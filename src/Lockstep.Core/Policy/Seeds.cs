using System.Globalization;

namespace Lockstep.Core.Policy;

/// <summary>
/// What a seed may be, wherever it is written (<c>seed:</c> in lockstep.yml, <c>LOCKSTEP_SEED</c>): a whole number
/// from 0 to 2147483647. Negative seeds are refused because <see cref="Random(int)"/> treats -n like n.
/// </summary>
public static class Seeds
{
    public const string Expected = "a whole number from 0 to 2147483647";

    public static bool TryParse(string text, out int seed) =>
        int.TryParse(text, NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite, CultureInfo.InvariantCulture, out seed);
}

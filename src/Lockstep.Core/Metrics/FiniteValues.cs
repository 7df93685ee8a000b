namespace Lockstep.Core.Metrics;

/// <summary>
/// The input checks every metric makes before it computes: a NaN or an infinity is refused by its index
/// (<c>scores[17] is NaN</c>), never carried into a result or left to loop on comparisons that are always false.
/// </summary>
internal static class FiniteValues
{
    /// <exception cref="ArgumentException">A value is NaN or infinite.</exception>
    public static void Require(ReadOnlySpan<double> values, string name)
    {
        for (var i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                throw NotFinite(values[i], $"{name}[{i}]", name);
            }
        }
    }

    /// <exception cref="ArgumentException">The value is NaN or infinite.</exception>
    public static void RequireOne(double value, string name)
    {
        if (!double.IsFinite(value))
        {
            throw NotFinite(value, name, name);
        }
    }

    /// <summary>Finite and sorted ascending, as the statistics over sorted samples take them; empty is allowed here.</summary>
    /// <exception cref="ArgumentException">A value is NaN or infinite, or smaller than the one before it.</exception>
    public static void RequireSorted(ReadOnlySpan<double> values, string name)
    {
        for (var i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                throw NotFinite(values[i], $"{name}[{i}]", name);
            }

            if (i > 0 && values[i] < values[i - 1])
            {
                var text = Numbers.Distinct(values[i], values[i - 1]);
                throw new ArgumentException(
                    $"{name}[{i}] = {text[0]} is less than {name}[{i - 1}] = {text[1]}; expected values sorted ascending", name);
            }
        }
    }

    /// <summary>Lengths of two columns that pair up row by row.</summary>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    public static void RequireSameLength(int first, string firstName, int second, string secondName)
    {
        if (first != second)
        {
            throw new ArgumentException($"{firstName} has {first} values and {secondName} has {second}; expected one per row", secondName);
        }
    }

    private static ArgumentException NotFinite(double value, string what, string name) =>
        new($"{what} is {Numbers.Format(value)}; expected a finite number", name);
}

using System.Globalization;

namespace Lockstep.Core.Warehouse;

/// <summary>
/// What differs between the SQL dialects the product generates: type names. Identifiers are double-quoted and
/// doubles are written as their round-trip text cast to the double type, so an edge reaches the database bit for bit.
/// </summary>
public sealed class SqlDialect
{
    public static readonly SqlDialect PostgreSql = new("postgresql", "DOUBLE PRECISION", "TEXT", e => $"CAST({e} AS DOUBLE PRECISION)");

    /// <summary>
    /// DuckDB reads numbers with <c>TRY_CAST</c> and keeps only finite ones: text that is not a number (a CSV read as
    /// text: "NA", "None", "#N/A") and NaN or ±∞ are missing, as in the file reader.
    /// </summary>
    public static readonly SqlDialect DuckDb = new("duckdb", "DOUBLE", "VARCHAR", e => $"(CASE WHEN isfinite(TRY_CAST({e} AS DOUBLE)) THEN TRY_CAST({e} AS DOUBLE) END)");

    private readonly Func<string, string> asDouble;

    private SqlDialect(string name, string doubleType, string textType, Func<string, string> asDouble)
    {
        Name = name;
        DoubleType = doubleType;
        TextType = textType;
        this.asDouble = asDouble;
    }

    public string Name { get; }

    public string DoubleType { get; }

    public string TextType { get; }

    /// <summary>A quoted identifier: the name exactly as the database stores it (case-sensitive).</summary>
    public static string Identifier(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>A string literal.</summary>
    public static string TextLiteral(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
    }

    /// <summary>An exact double literal; ±∞ as <c>'Infinity'</c> and <c>'-Infinity'</c>, which both dialects read.</summary>
    public string DoubleLiteral(double value)
    {
        var text = double.IsPositiveInfinity(value) ? "Infinity"
            : double.IsNegativeInfinity(value) ? "-Infinity"
            : double.IsNaN(value) ? throw new ArgumentException("NaN has no place in generated SQL", nameof(value))
            : value.ToString("R", CultureInfo.InvariantCulture);
        return $"CAST('{text}' AS {DoubleType})";
    }

    public string AsDouble(string expression) => asDouble(expression);

    public string AsText(string expression) => $"CAST({expression} AS {TextType})";

    public override string ToString() => Name;
}

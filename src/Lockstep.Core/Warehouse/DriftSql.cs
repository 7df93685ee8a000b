using System.Globalization;
using System.Text;

namespace Lockstep.Core.Warehouse;

/// <summary>
/// The SQL that computes a feature's drift aggregates where the data lives, so only bins and counts leave the
/// database. Missing values are NULL, NaN and ±∞ for numbers (the finite test <c>v &gt; −∞ AND v &lt; ∞</c> also
/// drops NaN, which both dialects order above every number) and NULL or empty text for categories.
/// </summary>
public sealed class DriftSql(SqlDialect dialect)
{
    public SqlDialect Dialect { get; } = dialect ?? throw new ArgumentNullException(nameof(dialect));

    /// <summary>
    /// One row: <c>row_count</c>, <c>finite_count</c>, <c>min_value</c>, <c>max_value</c>, <c>distinct_count</c>
    /// (of the finite values).
    /// </summary>
    public string NumericTotals(SqlSource source, string column) =>
        $"SELECT COUNT(*) AS row_count, COUNT(f.v) AS finite_count, MIN(f.v) AS min_value, MAX(f.v) AS max_value, COUNT(DISTINCT f.v) AS distinct_count FROM {FiniteOrNull(source, column)} AS f";

    /// <summary>Rows of <c>v</c> (a finite value) and <c>n</c> (how often it occurs).</summary>
    public string ValueCounts(SqlSource source, string column) =>
        $"SELECT f.v, COUNT(*) AS n FROM {FiniteOrNull(source, column)} AS f WHERE f.v IS NOT NULL GROUP BY f.v";

    /// <summary>Rows of <c>k</c> (a 0-based rank in the ascending finite values) and <c>v</c>, for the ranks asked.</summary>
    public string OrderStatistics(SqlSource source, string column, IReadOnlyCollection<long> ranks)
    {
        ArgumentNullException.ThrowIfNull(ranks);
        if (ranks.Count == 0)
        {
            throw new ArgumentException("no ranks asked", nameof(ranks));
        }

        var list = string.Join(", ", ranks.Select(r => r.ToString(CultureInfo.InvariantCulture)));
        return $"SELECT o.k, o.v FROM (SELECT f.v, ROW_NUMBER() OVER (ORDER BY f.v) - 1 AS k FROM {FiniteOrNull(source, column)} AS f WHERE f.v IS NOT NULL) AS o WHERE o.k IN ({list})";
    }

    /// <summary>
    /// One row: <c>below_0</c> … <c>below_{n−1}</c> (finite values less than each edge) and <c>at_or_below_last</c>,
    /// from which <see cref="Metrics.NumpyHistogram.CountsFromCumulative"/> makes exact <c>np.histogram</c> counts.
    /// </summary>
    public string CumulativeCounts(SqlSource source, string column, IReadOnlyList<double> edges)
    {
        ArgumentNullException.ThrowIfNull(edges);
        if (edges.Count < 2)
        {
            throw new ArgumentException($"expected at least 2 edges, got {edges.Count}", nameof(edges));
        }

        var sql = new StringBuilder("SELECT ");
        for (var i = 0; i < edges.Count; i++)
        {
            sql.Append(CultureInfo.InvariantCulture, $"SUM(CASE WHEN f.v < {Dialect.DoubleLiteral(edges[i])} THEN 1 ELSE 0 END) AS below_{i}, ");
        }

        sql.Append(CultureInfo.InvariantCulture, $"SUM(CASE WHEN f.v <= {Dialect.DoubleLiteral(edges[^1])} THEN 1 ELSE 0 END) AS at_or_below_last FROM {FiniteOrNull(source, column)} AS f");
        return sql.ToString();
    }

    /// <summary>
    /// Rows of <c>v</c> (the value as text; NULL or empty when missing) and <c>n</c>: a categorical feature's counts.
    /// </summary>
    public string CategoryCounts(SqlSource source, string column)
    {
        ArgumentNullException.ThrowIfNull(source);
        return $"SELECT c.v, COUNT(*) AS n FROM (SELECT {Dialect.AsText(SqlDialect.Identifier(column))} AS v FROM {source.Relation(Dialect)}) AS c GROUP BY c.v";
    }

    /// <summary>
    /// One row over both sides at once (they must be in one database): <c>ks_scaled</c> = max over the pooled values
    /// of |cr·nc − cc·nr| (cr, cc: each side's values at or below; nr, nc: each side's finite values), so D =
    /// ks_scaled/(nr·nc) exactly; <c>wasserstein</c> = Σ |cr/nr − cc/nc|·(next − v) as SciPy forms it;
    /// <c>reference_std</c>, the reference's population standard deviation in two passes as NumPy; <c>nr</c>, <c>nc</c>.
    /// </summary>
    public string KsAndWasserstein(SqlSource reference, SqlSource current, string column)
    {
        var d = Dialect.DoubleType;
        return $"""
            WITH r AS (SELECT f.v FROM {FiniteOrNull(reference, column)} AS f WHERE f.v IS NOT NULL),
            c AS (SELECT f.v FROM {FiniteOrNull(current, column)} AS f WHERE f.v IS NOT NULL),
            n AS (SELECT (SELECT COUNT(*) FROM r) AS nr, (SELECT COUNT(*) FROM c) AS nc),
            pooled AS (SELECT p.v, SUM(p.in_r) AS at_r, SUM(p.in_c) AS at_c FROM (SELECT r.v, 1 AS in_r, 0 AS in_c FROM r UNION ALL SELECT c.v, 0 AS in_r, 1 AS in_c FROM c) AS p GROUP BY p.v),
            cumulative AS (SELECT pooled.v, CAST(SUM(pooled.at_r) OVER w AS BIGINT) AS cr, CAST(SUM(pooled.at_c) OVER w AS BIGINT) AS cc, LEAD(pooled.v) OVER (ORDER BY pooled.v) AS next_v FROM pooled WINDOW w AS (ORDER BY pooled.v ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)),
            spread AS (SELECT SQRT(SUM((r.v - m.mean) * (r.v - m.mean)) / COUNT(*)) AS reference_std FROM r CROSS JOIN (SELECT AVG(r.v) AS mean FROM r) AS m)
            SELECT MAX(ABS(cumulative.cr * n.nc - cumulative.cc * n.nr)) AS ks_scaled,
            SUM(CASE WHEN cumulative.next_v IS NULL THEN 0 ELSE ABS(CAST(cumulative.cr AS {d}) / n.nr - CAST(cumulative.cc AS {d}) / n.nc) * (cumulative.next_v - cumulative.v) END) AS wasserstein,
            MAX(spread.reference_std) AS reference_std, MAX(n.nr) AS nr, MAX(n.nc) AS nc
            FROM cumulative CROSS JOIN n CROSS JOIN spread
            """;
    }

    /// <summary>The relation <c>(SELECT v …)</c> of the column as a double, NULL where it is not a finite number.</summary>
    private string FiniteOrNull(SqlSource source, string column)
    {
        ArgumentNullException.ThrowIfNull(source);
        var value = Dialect.AsDouble(SqlDialect.Identifier(column));
        return $"(SELECT CASE WHEN {value} > {Dialect.DoubleLiteral(double.NegativeInfinity)} AND {value} < {Dialect.DoubleLiteral(double.PositiveInfinity)} THEN {value} END AS v FROM {source.Relation(Dialect)})";
    }
}

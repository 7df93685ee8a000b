using System.Data.Common;
using System.Diagnostics;
using Lockstep.Core.Drift;
using Lockstep.Core.Metrics;
using Lockstep.Core.Warehouse;

namespace Lockstep.Warehouse;

/// <summary>One query done: which feature, which step, how long it took.</summary>
public readonly record struct QueryDone(string Feature, string Step, TimeSpan Elapsed);

/// <summary>
/// Computes drift where the data lives: runs <see cref="DriftSql"/>'s queries over both sides (in one database) and
/// assembles each feature's <see cref="FeatureDrift"/> from the bins and counts with the in-memory path's code.
/// </summary>
public sealed class WarehouseDrift(WarehouseConnection connection, Action<QueryDone>? progress = null)
{
    private readonly DriftSql sql = new(connection.Dialect);

    /// <summary>The columns of a source and whether each holds numbers.</summary>
    /// <exception cref="WarehouseException">The database refused the query.</exception>
    public async Task<IReadOnlyList<(string Name, bool IsNumeric)>> DescribeAsync(SqlSource source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        var columns = new List<(string, bool)>();
        await QueryAsync("", "columns", $"SELECT * FROM {source.Relation(sql.Dialect)} LIMIT 0", reader =>
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                columns.Add((reader.GetName(i), IsNumber(reader.GetFieldType(i))));
            }
        }, cancellationToken).ConfigureAwait(false);
        return columns;
    }

    /// <exception cref="WarehouseException">The database refused the query.</exception>
    public async Task<long> RowsAsync(SqlSource source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        long rows = 0;
        await QueryAsync("", "rows", $"SELECT COUNT(*) FROM {source.Relation(sql.Dialect)}", reader =>
        {
            reader.Read();
            rows = DbValues.Long(reader, 0);
        }, cancellationToken).ConfigureAwait(false);
        return rows;
    }

    /// <exception cref="WarehouseException">The database refused a query.</exception>
    /// <exception cref="MetricException">A side has no values for the feature (the message names the side).</exception>
    public async Task<FeatureDrift> CompareAsync(SqlSource reference, SqlSource current, string column, bool isNumeric, DriftOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var aggregates = isNumeric
            ? await NumericAsync(reference, current, column, options, cancellationToken).ConfigureAwait(false)
            : await CategoricalAsync(reference, current, column, cancellationToken).ConfigureAwait(false);
        return FeatureDriftAssembler.Assemble(aggregates, options);
    }

    private async Task<FeatureAggregates> CategoricalAsync(SqlSource reference, SqlSource current, string column, CancellationToken cancellationToken)
    {
        var (referenceCounts, referenceTotals) = await CategoriesAsync(reference, column, "reference", cancellationToken).ConfigureAwait(false);
        var (currentCounts, currentTotals) = await CategoriesAsync(current, column, "current", cancellationToken).ConfigureAwait(false);
        return new FeatureAggregates
        {
            Feature = column,
            IsNumeric = false,
            Reference = referenceTotals,
            Current = currentTotals,
            Bins = FeatureBins.ByCategory(referenceCounts, currentCounts),
        };
    }

    private async Task<(Dictionary<string, long> Counts, SideTotals Totals)> CategoriesAsync(SqlSource source, string column, string side, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        long rows = 0, missing = 0;
        await QueryAsync(column, $"{side} categories", sql.CategoryCounts(source, column), reader =>
        {
            while (reader.Read())
            {
                var value = reader.IsDBNull(0) ? string.Empty : reader.GetString(0);
                var n = DbValues.Long(reader, 1);
                rows += n;
                if (value.Length == 0)
                {
                    missing += n;
                }
                else
                {
                    counts[value] = n;
                }
            }
        }, cancellationToken).ConfigureAwait(false);
        RequireValues(counts.Count, side, rows);
        return (counts, new SideTotals(rows, missing));
    }

    private async Task<FeatureAggregates> NumericAsync(SqlSource reference, SqlSource current, string column, DriftOptions options, CancellationToken cancellationToken)
    {
        var referenceTotals = await TotalsAsync(reference, column, "reference", cancellationToken).ConfigureAwait(false);
        var currentTotals = await TotalsAsync(current, column, "current", cancellationToken).ConfigureAwait(false);
        var mode = DriftBinning.Numeric(options, () => referenceTotals.Distinct);
        var bins = mode switch
        {
            DriftBinning.Values => FeatureBins.ByValue(
                await ValueCountsAsync(reference, column, "reference", cancellationToken).ConfigureAwait(false),
                await ValueCountsAsync(current, column, "current", cancellationToken).ConfigureAwait(false)),
            _ => await EdgeBinsAsync(reference, current, column, mode, referenceTotals, currentTotals, options, cancellationToken).ConfigureAwait(false),
        };
        var (ks, wasserstein) = await KsAndWassersteinAsync(reference, current, column, cancellationToken).ConfigureAwait(false);
        return new FeatureAggregates
        {
            Feature = column,
            IsNumeric = true,
            Reference = new SideTotals(referenceTotals.Rows, referenceTotals.Rows - referenceTotals.Finite),
            Current = new SideTotals(currentTotals.Rows, currentTotals.Rows - currentTotals.Finite),
            Bins = bins,
            Ks = ks,
            WassersteinNormed = wasserstein,
        };
    }

    private async Task<FeatureBins> EdgeBinsAsync(
        SqlSource reference, SqlSource current, string column, string mode, NumericTotals referenceTotals, NumericTotals currentTotals, DriftOptions options, CancellationToken cancellationToken)
    {
        var edges = mode == DriftBinning.Sturges
            ? NumpyHistogram.SturgesEdges(Math.Min(referenceTotals.Min, currentTotals.Min), Math.Max(referenceTotals.Max, currentTotals.Max), referenceTotals.Finite + currentTotals.Finite)
            : await QuantileEdgesAsync(reference, column, referenceTotals.Finite, options.Bins, cancellationToken).ConfigureAwait(false);
        var referenceCounts = await BinCountsAsync(reference, column, edges, "reference", cancellationToken).ConfigureAwait(false);
        var currentCounts = await BinCountsAsync(current, column, edges, "current", cancellationToken).ConfigureAwait(false);
        return FeatureBins.WithEdges(mode, edges, referenceCounts, currentCounts);
    }

    private async Task<double[]> QuantileEdgesAsync(SqlSource reference, string column, long count, int bins, CancellationToken cancellationToken)
    {
        var values = new Dictionary<long, double>();
        await QueryAsync(column, "reference quantiles", sql.OrderStatistics(reference, column, QuantileEdges.Ranks(count, bins)), reader =>
        {
            while (reader.Read())
            {
                values[DbValues.Long(reader, 0)] = DbValues.Double(reader, 1)!.Value;
            }
        }, cancellationToken).ConfigureAwait(false);
        return QuantileEdges.FromOrderStatistics(count, bins, rank => values[rank]);
    }

    private async Task<long[]> BinCountsAsync(SqlSource source, string column, double[] edges, string side, CancellationToken cancellationToken)
    {
        var below = new long[edges.Length];
        long atOrBelowLast = 0;
        await QueryAsync(column, $"{side} bins", sql.CumulativeCounts(source, column, edges), reader =>
        {
            reader.Read();
            for (var i = 0; i < below.Length; i++)
            {
                below[i] = DbValues.Long(reader, i);
            }

            atOrBelowLast = DbValues.Long(reader, below.Length);
        }, cancellationToken).ConfigureAwait(false);
        return NumpyHistogram.CountsFromCumulative(below, atOrBelowLast);
    }

    private async Task<Dictionary<double, long>> ValueCountsAsync(SqlSource source, string column, string side, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<double, long>();
        await QueryAsync(column, $"{side} values", sql.ValueCounts(source, column), reader =>
        {
            while (reader.Read())
            {
                counts[DbValues.Double(reader, 0)!.Value] = DbValues.Long(reader, 1);
            }
        }, cancellationToken).ConfigureAwait(false);
        return counts;
    }

    private async Task<NumericTotals> TotalsAsync(SqlSource source, string column, string side, CancellationToken cancellationToken)
    {
        var totals = default(NumericTotals);
        await QueryAsync(column, $"{side} totals", sql.NumericTotals(source, column), reader =>
        {
            reader.Read();
            totals = new NumericTotals(
                DbValues.Long(reader, 0),
                DbValues.Long(reader, 1),
                DbValues.Double(reader, 2) ?? double.NaN,
                DbValues.Double(reader, 3) ?? double.NaN,
                DbValues.Long(reader, 4));
        }, cancellationToken).ConfigureAwait(false);
        RequireValues(totals.Finite, side, totals.Rows);
        return totals;
    }

    private async Task<(KsResult Ks, double Wasserstein)> KsAndWassersteinAsync(SqlSource reference, SqlSource current, string column, CancellationToken cancellationToken)
    {
        (KsResult, double) result = default;
        await QueryAsync(column, "KS and Wasserstein", sql.KsAndWasserstein(reference, current, column), reader =>
        {
            reader.Read();
            var scaled = DbValues.Long(reader, 0);
            var (nr, nc) = (DbValues.Long(reader, 3), DbValues.Long(reader, 4));

            // D = max |cr·nc − cc·nr| / (nr·nc), one exact division of integers.
            var ks = KolmogorovSmirnov.FromStatistic(scaled / ((double)nr * nc), nr, nc);
            result = (ks, Wasserstein.Normalize(DbValues.Double(reader, 1) ?? 0, DbValues.Double(reader, 2) ?? 0));
        }, cancellationToken).ConfigureAwait(false);
        return result;
    }

    private async Task QueryAsync(string feature, string step, string text, Action<DbDataReader> read, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        try
        {
            using var command = connection.Connection.CreateCommand();
            command.CommandText = text;
            command.CommandTimeout = 0;
            using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            read(reader);
        }
        catch (Exception e) when (e is DbException or InvalidOperationException)
        {
            var what = feature.Length == 0 ? $"{step} query" : $"{step} query of '{feature}'";
            throw new WarehouseException($"{connection.Display} refused the {what}: {WarehouseException.FirstLine(e)}", e);
        }

        progress?.Invoke(new QueryDone(feature, step, stopwatch.Elapsed));
    }

    private static void RequireValues(long values, string side, long rows)
    {
        if (values == 0)
        {
            throw new MetricException($"the {side} has no values for this feature (all {rows} missing)");
        }
    }

    private static bool IsNumber(Type type) =>
        type == typeof(double) || type == typeof(float) || type == typeof(decimal) || type == typeof(long) || type == typeof(int)
        || type == typeof(short) || type == typeof(sbyte) || type == typeof(byte) || type == typeof(ushort) || type == typeof(uint)
        || type == typeof(ulong) || type == typeof(System.Numerics.BigInteger) || type == typeof(Half);

    private readonly record struct NumericTotals(long Rows, long Finite, double Min, double Max, long Distinct);
}

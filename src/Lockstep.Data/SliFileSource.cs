using Lockstep.Core;
using Lockstep.Core.Slo;

namespace Lockstep.Data;

/// <summary>
/// The <c>file</c> SLI source: a CSV or Parquet file with the columns <c>timestamp, good, total</c>, each row the
/// good and total events at that time. Counts must be finite, 0 ≤ good ≤ total; a bad cell is an error naming the
/// file, the line (CSV) or row (Parquet) and the column.
/// </summary>
/// <param name="locate">
/// Turns the <c>path</c> written in the policy into the name errors show (relative to the working folder) and the path to open.
/// </param>
public sealed class SliFileSource(Func<string, (string Display, string FullPath)> locate) : ISliSource
{
    public const string TimestampColumn = "timestamp";
    public const string GoodColumn = "good";
    public const string TotalColumn = "total";

    public bool Reads(SliSpec spec) => spec is FileSli;

    public async Task<IReadOnlyList<SliSample>> ReadAsync(SloDefinition slo, DateTimeOffset after, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var (path, fullPath) = locate(((FileSli)slo.Sli).Path);
        var requests = new ColumnRequest[] { new(TimestampColumn, ColumnKind.Timestamp), new(GoodColumn, ColumnKind.Number), new(TotalColumn, ColumnKind.Number) };
        var table = await TableReader.ReadAsync(fullPath, path, requests, cancellationToken: cancellationToken).ConfigureAwait(false);
        var times = table.Column<Lockstep.Data.TimestampColumn>(TimestampColumn).UtcTicks;
        var good = table.Column<NumberColumn>(GoodColumn).Values;
        var total = table.Column<NumberColumn>(TotalColumn).Values;
        var parquet = TableReader.IsParquet(path);
        var samples = new List<SliSample>();
        for (var row = 0; row < table.Rows; row++)
        {
            CellLocation Cell(string column) => parquet ? new(path, null, row + 1, column) : new(path, row + 2, null, column);
            if (!double.IsFinite(total[row]) || total[row] < 0)
            {
                throw Cell(TotalColumn).Error($"expected a count ≥ 0, got {Numbers.Format(total[row])}");
            }

            if (!double.IsFinite(good[row]) || good[row] < 0 || good[row] > total[row])
            {
                throw Cell(GoodColumn).Error($"expected a count from 0 to total ({Numbers.Format(total[row])}), got {Numbers.Format(good[row])}");
            }

            var at = new DateTimeOffset(times[row], TimeSpan.Zero);
            if (at > after && at <= until)
            {
                samples.Add(new SliSample(at, good[row], total[row]));
            }
        }

        return samples;
    }
}

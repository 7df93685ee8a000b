using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Lockstep.Data;

namespace Lockstep.Benchmarks;

/// <summary>
/// <see cref="TableReader.ReadAsync"/> of a generated predictions CSV of about 100 MB, with the columns and kinds
/// <c>lockstep eval</c> requests (score, label, latency, slice). The <c>MB/s</c> column is the file's size in
/// 10⁶ bytes divided by the mean time.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public class CsvReadBenchmarks
{
    /// <summary>Rows that make the file about 100 MB (25 bytes a row on average).</summary>
    public const int Rows = 4_000_000;

    private static readonly ColumnRequest[] Requests =
    [
        new("p", ColumnKind.Number),
        new("y", ColumnKind.Label),
        new("latency_ms", ColumnKind.Number),
        new("region", ColumnKind.Text),
    ];

    /// <summary>
    /// Where the file is kept between runs: <c>$LOCKSTEP_BENCH_DATA/kernels</c> or the temporary folder's
    /// <c>lockstep-bench/kernels</c>. The data is deterministic, so an existing file of the same name is reused.
    /// </summary>
    public static string FilePath
    {
        get
        {
            var root = Environment.GetEnvironmentVariable("LOCKSTEP_BENCH_DATA") is { Length: > 0 } data
                ? data
                : Path.Combine(Path.GetTempPath(), "lockstep-bench");
            return Path.Combine(root, "kernels", string.Create(CultureInfo.InvariantCulture, $"preds-{Rows}.csv"));
        }
    }

    private string path = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        path = FilePath;
        if (File.Exists(path))
        {
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var partial = path + ".partial";
        // The four columns this kernel has always read, without the production model's score.
        DataGenerator.WritePredictionsCsv(partial, Synthetic.Predictions(Rows) with { ProductionScores = null }).GetAwaiter().GetResult();
        File.Move(partial, path, overwrite: true);
    }

    [Benchmark]
    public async Task<int> ReadPredictionsCsv()
    {
        var table = await TableReader.ReadAsync(path, "preds.csv", Requests).ConfigureAwait(false);
        return table.Rows;
    }

    private sealed class ThroughputConfig : ManualConfig
    {
        public ThroughputConfig() => AddColumn(new ThroughputColumn());
    }

    /// <summary>File bytes (10⁶) per second of mean time.</summary>
    private sealed class ThroughputColumn : IColumn
    {
        public string Id => nameof(ThroughputColumn);

        public string ColumnName => "MB/s";

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => 0;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Dimensionless;

        public string Legend => "Throughput: the CSV file's size in MB (10^6 bytes) divided by the mean time";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            var statistics = summary[benchmarkCase]?.ResultStatistics;
            var file = new FileInfo(FilePath);
            if (statistics is null || !file.Exists)
            {
                return "-";
            }

            var seconds = statistics.Mean / 1e9;
            return (file.Length / 1e6 / seconds).ToString("F1", CultureInfo.InvariantCulture);
        }

        public bool IsAvailable(Summary summary) => true;

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    }
}

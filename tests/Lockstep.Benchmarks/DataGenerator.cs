using System.Diagnostics;
using System.Globalization;
using Parquet;
using Parquet.Schema;

namespace Lockstep.Benchmarks;

/// <summary>
/// <c>generate --out DIR [--rows N] [--drift-rows N] [--features N] [--seed N]</c>: writes the side-by-side
/// benchmark data: <c>preds.csv</c>/<c>preds.parquet</c> (y, p, latency_ms, region, p_prod) and
/// <c>ref.csv</c>/<c>cur.csv</c> with their <c>.parquet</c> twins (f00, f01, …). Each file is written under a
/// temporary name and renamed when complete, so a file that exists is whole.
/// </summary>
public static class DataGenerator
{
    public const int DefaultRows = 10_000_000;
    public const int DefaultDriftRows = 5_000_000;
    public const int DefaultFeatures = 20;
    private const int RowGroupRows = 1_000_000;

    public static readonly string[] PredictionColumns = ["y", "p", "latency_ms", "region"];

    /// <summary>The production model's score, the last column when the predictions have it.</summary>
    public const string ProductionScoreColumn = "p_prod";

    public static async Task<int> RunAsync(string[] args)
    {
        string? outDir = null;
        int rows = DefaultRows, driftRows = DefaultDriftRows, features = DefaultFeatures, seed = Synthetic.DefaultSeed;
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--out" when value is not null: outDir = value; i++; break;
                case "--rows" when value is not null: rows = ParseCount(value, "--rows"); i++; break;
                case "--drift-rows" when value is not null: driftRows = ParseCount(value, "--drift-rows"); i++; break;
                case "--features" when value is not null: features = ParseCount(value, "--features"); i++; break;
                case "--seed" when value is not null: seed = int.Parse(value, CultureInfo.InvariantCulture); i++; break;
                default:
                    await Console.Error.WriteLineAsync($"error: unexpected '{args[i]}'\nusage: generate --out DIR [--rows N] [--drift-rows N] [--features N] [--seed N]").ConfigureAwait(false);
                    return 2;
            }
        }

        if (outDir is null)
        {
            await Console.Error.WriteLineAsync("error: --out DIR is required").ConfigureAwait(false);
            return 2;
        }

        Directory.CreateDirectory(outDir);
        var clock = Stopwatch.StartNew();

        var predictions = Synthetic.Predictions(rows, seed);
        await WriteAtomicallyAsync(Path.Combine(outDir, "preds.csv"), path => WritePredictionsCsv(path, predictions)).ConfigureAwait(false);
        await WriteAtomicallyAsync(Path.Combine(outDir, "preds.parquet"), path => WritePredictionsParquetAsync(path, predictions)).ConfigureAwait(false);
        Report(outDir, "preds", clock);

        var names = Enumerable.Range(0, features).Select(Synthetic.FeatureName).ToArray();
        foreach (var (side, current) in new[] { ("ref", false), ("cur", true) })
        {
            var columns = new double[features][];
            Parallel.For(0, features, k => columns[k] = Synthetic.Feature(k, current, driftRows, seed));
            await WriteAtomicallyAsync(Path.Combine(outDir, $"{side}.csv"), path => WriteFeaturesCsv(path, names, columns)).ConfigureAwait(false);
            await WriteAtomicallyAsync(Path.Combine(outDir, $"{side}.parquet"), path => WriteFeaturesParquetAsync(path, names, columns)).ConfigureAwait(false);
            Report(outDir, side, clock);
        }

        return 0;
    }

    /// <summary>
    /// The predictions as CSV: a header, then y,p,latency_ms,region (and p_prod when the predictions have it) with
    /// invariant round-trip numbers.
    /// </summary>
    public static Task WritePredictionsCsv(string path, Predictions predictions)
    {
        using var writer = NewCsvWriter(path);
        var production = predictions.ProductionScores;
        writer.Write(string.Join(',', production is null ? PredictionColumns : [.. PredictionColumns, ProductionScoreColumn]));
        writer.Write('\n');
        Span<char> buffer = stackalloc char[64];
        for (var i = 0; i < predictions.Rows; i++)
        {
            writer.Write(predictions.Labels[i] == 1 ? '1' : '0');
            writer.Write(',');
            WriteNumber(writer, predictions.Scores[i], buffer);
            writer.Write(',');
            WriteNumber(writer, predictions.LatencyMs[i], buffer);
            writer.Write(',');
            writer.Write(Synthetic.Regions[predictions.Regions[i]]);
            if (production is not null)
            {
                writer.Write(',');
                WriteNumber(writer, production[i], buffer);
            }

            writer.Write('\n');
        }

        return Task.CompletedTask;
    }

    private static async Task WritePredictionsParquetAsync(string path, Predictions predictions)
    {
        var y = new DataField<int>("y");
        var p = new DataField<double>("p");
        var latency = new DataField<double>("latency_ms");
        var region = new DataField<string>("region");
        var production = new DataField<double>(ProductionScoreColumn);
        var fields = predictions.ProductionScores is null ? new Field[] { y, p, latency, region } : [y, p, latency, region, production];
        var stream = File.Create(path);
        await using (stream.ConfigureAwait(false))
        {
            var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), stream).ConfigureAwait(false);
            await using (writer.ConfigureAwait(false))
            {
                for (var start = 0; start < predictions.Rows; start += RowGroupRows)
                {
                    var count = Math.Min(RowGroupRows, predictions.Rows - start);
                    using var group = writer.CreateRowGroup();
                    await group.WriteAsync<int>(y, predictions.Labels.AsMemory(start, count)).ConfigureAwait(false);
                    await group.WriteAsync<double>(p, predictions.Scores.AsMemory(start, count)).ConfigureAwait(false);
                    await group.WriteAsync<double>(latency, predictions.LatencyMs.AsMemory(start, count)).ConfigureAwait(false);
                    var regions = new string[count];
                    for (var i = 0; i < count; i++)
                    {
                        regions[i] = Synthetic.Regions[predictions.Regions[start + i]];
                    }

                    await group.WriteAsync(region, regions).ConfigureAwait(false);
                    if (predictions.ProductionScores is { } productionScores)
                    {
                        await group.WriteAsync<double>(production, productionScores.AsMemory(start, count)).ConfigureAwait(false);
                    }
                }
            }
        }
    }

    private static Task WriteFeaturesCsv(string path, string[] names, double[][] columns)
    {
        using var writer = NewCsvWriter(path);
        writer.Write(string.Join(',', names));
        writer.Write('\n');
        Span<char> buffer = stackalloc char[64];
        var rows = columns[0].Length;
        for (var i = 0; i < rows; i++)
        {
            for (var k = 0; k < columns.Length; k++)
            {
                if (k > 0)
                {
                    writer.Write(',');
                }

                WriteNumber(writer, columns[k][i], buffer);
            }

            writer.Write('\n');
        }

        return Task.CompletedTask;
    }

    private static async Task WriteFeaturesParquetAsync(string path, string[] names, double[][] columns)
    {
        var fields = names.Select(name => new DataField<double>(name)).ToArray();
        var stream = File.Create(path);
        await using (stream.ConfigureAwait(false))
        {
            var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), stream).ConfigureAwait(false);
            await using (writer.ConfigureAwait(false))
            {
                var rows = columns[0].Length;
                for (var start = 0; start < rows; start += RowGroupRows)
                {
                    var count = Math.Min(RowGroupRows, rows - start);
                    using var group = writer.CreateRowGroup();
                    for (var k = 0; k < fields.Length; k++)
                    {
                        await group.WriteAsync<double>(fields[k], columns[k].AsMemory(start, count)).ConfigureAwait(false);
                    }
                }
            }
        }
    }

    private static StreamWriter NewCsvWriter(string path) =>
        new(path, new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, BufferSize = 1 << 20 })
        {
            NewLine = "\n",
        };

    /// <summary>The shortest text that reads back to the same double ("R"), in the invariant culture.</summary>
    private static void WriteNumber(StreamWriter writer, double value, Span<char> buffer)
    {
        if (!value.TryFormat(buffer, out var written, "R", CultureInfo.InvariantCulture))
        {
            throw new InvalidOperationException($"could not format {value}");
        }

        writer.Write(buffer[..written]);
    }

    private static async Task WriteAtomicallyAsync(string path, Func<string, Task> write)
    {
        var temporary = path + ".partial";
        await write(temporary).ConfigureAwait(false);
        File.Move(temporary, path, overwrite: true);
    }

    private static void Report(string outDir, string prefix, Stopwatch clock)
    {
        foreach (var file in Directory.GetFiles(outDir, prefix + ".*").Order(StringComparer.Ordinal))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {file} ({new FileInfo(file).Length / 1e6:F1} MB) at {clock.Elapsed.TotalSeconds:F1} s"));
        }
    }

    private static int ParseCount(string value, string option) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var count) && count > 0
            ? count
            : throw new ArgumentException($"{option} expects a positive whole number, got '{value}'");
}

using System.Globalization;
using Parquet;
using Parquet.Schema;

namespace Lockstep.Cli.Tests;

/// <summary>Writes a small CSV text as a Parquet file: numeric columns as doubles, the rest as strings.</summary>
internal static class ParquetFiles
{
    public static async Task WriteAsync(string path, string csv)
    {
        var lines = csv.ReplaceLineEndings("\n").Trim().Split('\n');
        var names = lines[0].Split(',');
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToArray();
        var numeric = names.Select((name, c) => rows.All(r => double.TryParse(r[c], NumberStyles.Float, CultureInfo.InvariantCulture, out _))).ToArray();
        var fields = names.Select((name, c) => numeric[c] ? (DataField)new DataField<double>(name) : new DataField<string>(name)).ToArray();

        await using var stream = File.Create(path);
        await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), stream);
        using var group = writer.CreateRowGroup();
        for (var c = 0; c < names.Length; c++)
        {
            var column = rows.Select(r => r[c]).ToArray();
            await (numeric[c]
                ? group.WriteAsync<double>(fields[c], column.Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray().AsMemory())
                : group.WriteAsync(fields[c], column));
        }
    }
}

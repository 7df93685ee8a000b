using Parquet;
using Parquet.Schema;

namespace Lockstep.Data.Tests;

/// <summary>Files written for a test into a folder of its own, deleted afterwards.</summary>
public sealed class TempFiles : IDisposable
{
    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("lockstep-data-").FullName;

    public string Text(string name, string content)
    {
        var path = Path.Combine(Directory, name);
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>A Parquet file with one row group of the given columns.</summary>
    public async Task<string> Parquet(string name, params (DataField Field, Array Values)[] columns)
    {
        var path = Path.Combine(Directory, name);
        await using var stream = File.Create(path);
        await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(columns.Select(c => (Field)c.Field).ToArray()), stream);
        using var group = writer.CreateRowGroup();
        foreach (var (field, values) in columns)
        {
            switch (values)
            {
                case double[] d: await group.WriteAsync<double>(field, d.AsMemory()); break;
                case double?[] d: await group.WriteAsync<double>(field, d.AsMemory()); break;
                case long[] l: await group.WriteAsync<long>(field, l.AsMemory()); break;
                case bool[] b: await group.WriteAsync<bool>(field, b.AsMemory()); break;
                case string[] s: await group.WriteAsync(field, s); break;
                case DateTime[] t: await group.WriteAsync<DateTime>(field, t.AsMemory()); break;
                default: throw new NotSupportedException(values.GetType().Name);
            }
        }

        return path;
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}

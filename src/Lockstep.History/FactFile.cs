using Lockstep.Core;
using Lockstep.Core.History;
using Parquet;
using Parquet.Schema;

namespace Lockstep.History;

/// <summary>
/// Reads and writes one Parquet file of facts. A file that is not Parquet (or is truncated), or whose columns are not
/// the kind's, is an <see cref="InputException"/> naming it; a new file is written under a hidden temporary name
/// beside its place and moved there without overwriting, so no reader or writer ever sees half a file.
/// </summary>
internal static class FactFile
{
    public static async Task<IReadOnlyList<IDictionary<string, object?>>> ReadAsync(string path, FactKind kind, CancellationToken cancellationToken)
    {
        List<IDictionary<string, object?>> rows;
        try
        {
            await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 1 << 16, useAsync: true);
            await using var reader = await ParquetReader.CreateAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (Mismatch(reader.Schema, FactTables.Schema(kind)) is { } problem)
            {
                throw new InputException(path, null, null, $"is not a history file of kind {FactTables.Name(kind)}: {problem}; move it out of the history folder");
            }

            rows = await FactColumns.ReadAsync(reader, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException and not InputException)
        {
            throw new InputException(path, null, null, $"is not a readable Parquet file ({OneLine(e.Message)}); move it out of the history folder");
        }

        for (var row = 0; row < rows.Count; row++)
        {
            if (!rows[row].TryGetValue("id", out var id) || id is not string { Length: > 0 })
            {
                throw new InputException(path, null, "id", $"row {row + 1} has no id; move the file out of the history folder");
            }
        }

        return rows;
    }

    /// <summary>The content id of a row read by <see cref="ReadAsync"/>.</summary>
    public static string IdOf(IDictionary<string, object?> record) => (string)record["id"]!;

    /// <summary>Writes the rows as a new file in the folder and returns its path.</summary>
    public static async Task<string> WriteNewAsync(string directory, FactKind kind, IReadOnlyCollection<IDictionary<string, object?>> rows, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".tmp-{Guid.NewGuid():N}.parquet");
        var target = Path.Combine(directory, HistoryLayout.NewPartName());
        try
        {
            await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
            {
                await FactColumns.WriteAsync(stream, FactTables.Schema(kind), rows, cancellationToken).ConfigureAwait(false);
                await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
            }

            File.Move(temporary, target, overwrite: false);
            return target;
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    /// <summary>Why a file's columns are not the kind's (names and types, in order), or null when they are.</summary>
    private static string? Mismatch(ParquetSchema actual, ParquetSchema expected)
    {
        var have = actual.DataFields.Select(f => $"{f.Name}:{Describe(f)}").ToList();
        var want = expected.DataFields.Select(f => $"{f.Name}:{Describe(f)}").ToList();
        if (have.SequenceEqual(want, StringComparer.Ordinal))
        {
            return null;
        }

        var missing = want.Except(have, StringComparer.Ordinal).FirstOrDefault();
        var extra = have.Except(want, StringComparer.Ordinal).FirstOrDefault();
        return missing is not null ? $"expected column {missing}" : extra is not null ? $"unexpected column {extra}" : "columns out of order";
    }

    private static string Describe(DataField field)
    {
        var type = Nullable.GetUnderlyingType(field.ClrType) ?? field.ClrType;
        return type.Name.ToLowerInvariant();
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");
}

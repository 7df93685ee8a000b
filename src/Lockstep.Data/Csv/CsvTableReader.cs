using Lockstep.Core;
using nietras.SeparatedValues;

namespace Lockstep.Data.Csv;

/// <summary>
/// Reads the requested columns of a CSV file (RFC 4180: a header row, quoted fields with embedded delimiters,
/// quotes and line breaks) in one streaming pass with Sep. Memory grows with the requested columns only.
/// </summary>
internal static class CsvTableReader
{
    private const int ProgressEveryRows = 1 << 16;
    private const int SniffRows = 1000;
    private const int InitialCapacity = 1024;
    private static readonly char[] LikelyDelimiters = [';', '\t', '|'];

    public static Table Read(string path, string source, IReadOnlyList<ColumnRequest> requests, TableReadOptions options)
    {
        using var stream = new CountingStream(File.OpenRead(path));
        var total = stream.Length;
        using var reader = Open(stream, source, path, options);
        var indices = requests.Select(r => ColumnIndex(reader, r.Name, source)).ToArray();
        var builders = requests.Select(r => ColumnBuilder.For(r, InitialCapacity)).ToArray();

        var rows = 0;
        long sampledChars = 0;
        try
        {
            var columns = reader.Header.ColNames.Count;
            foreach (var row in reader)
            {
                RequireColumns(row, columns, source);
                for (var i = 0; i < builders.Length; i++)
                {
                    var cell = row[indices[i]];
                    if (!builders[i].TryAddCell(cell))
                    {
                        throw new CellLocation(source, row.LineNumberFrom, null, requests[i].Name).Error(builders[i].Problem(cell.Span));
                    }
                }

                if (rows < SniffRows)
                {
                    sampledChars += row.Span.Length + 1;
                }
                else if (rows == SniffRows)
                {
                    var estimate = (int)Math.Min(int.MaxValue - 64, total / Math.Max(1.0, sampledChars / (double)SniffRows) * 1.05);
                    foreach (var builder in builders)
                    {
                        builder.Reserve(estimate);
                    }
                }

                if (++rows % ProgressEveryRows == 0)
                {
                    options.Progress?.Report(new ReadProgress(stream.BytesRead, total, rows));
                }
            }
        }
        catch (InvalidDataException e)
        {
            throw new InputException(source, null, null, $"invalid CSV: {OneLine(e.Message)}");
        }

        options.Progress?.Report(new ReadProgress(total, total, rows));
        return new Table(source, rows, builders.ToDictionary(b => b.Request.Name, b => b.Build(rows), StringComparer.Ordinal));
    }

    /// <summary>The header's columns, each typed as numbers when its first rows all read as numbers or missing.</summary>
    public static IReadOnlyList<ColumnInfo> Describe(string path, string source, TableReadOptions options)
    {
        using var stream = File.OpenRead(path);
        using var reader = Open(stream, source, path, options);
        var names = reader.Header.ColNames;
        var numeric = Enumerable.Repeat(true, names.Count).ToArray();
        var rows = 0;
        foreach (var row in reader)
        {
            RequireColumns(row, names.Count, source);
            for (var i = 0; i < names.Count; i++)
            {
                numeric[i] &= LooksNumeric(row[i].Span);
            }

            if (++rows == SniffRows)
            {
                break;
            }
        }

        return names.Select((name, i) => new ColumnInfo(name, numeric[i] ? ColumnKind.Number : ColumnKind.Text)).ToList();
    }

    private static SepReader Open(Stream stream, string source, string path, TableReadOptions options)
    {
        if (stream.Length == 0)
        {
            throw new InputException(source, null, null, "the file is empty: expected a header row");
        }

        var delimiter = options.Delimiter ?? (path.EndsWith(".tsv", StringComparison.OrdinalIgnoreCase) ? '\t' : ',');
        SepReader reader;
        try
        {
            // Rows are checked against the header here, so that a ragged row is one line naming its line number.
            reader = Sep.New(delimiter)
                .Reader(o => o with { Unescape = true, DisableColCountCheck = true, CultureInfo = System.Globalization.CultureInfo.InvariantCulture })
                .From(stream, leaveOpen: true);
        }
        catch (Exception e) when (e is InvalidDataException or ArgumentException)
        {
            // Sep refuses a header with a repeated column name with an ArgumentException.
            throw new InputException(source, 1, null, $"invalid CSV header: {OneLine(e.Message)}");
        }

        if (options.Delimiter is null && reader.Header.ColNames is [var only] && OtherDelimiter(only, delimiter) is { } other)
        {
            reader.Dispose();
            throw new InputException(source, 1, null, $"the header is one column '{only}' when split at '{Shown(delimiter)}': if the fields are separated by '{Shown(other)}', pass --delimiter '{Shown(other)}'");
        }

        return reader;
    }

    /// <summary>A delimiter other than the one used that the only header cell contains: the file's real one, most likely.</summary>
    private static char? OtherDelimiter(string header, char used) =>
        LikelyDelimiters.Where(c => c != used).Cast<char?>().FirstOrDefault(c => header.Contains(c!.Value, StringComparison.Ordinal));

    private static string Shown(char delimiter) => delimiter == '\t' ? "tab" : delimiter.ToString();

    private static void RequireColumns(SepReader.Row row, int columns, string source)
    {
        if (row.ColCount != columns)
        {
            throw new InputException(source, row.LineNumberFrom, null, $"{row.ColCount} {(row.ColCount == 1 ? "field" : "fields")} where the header has {columns}: every row needs one field per column (quote fields that contain the delimiter)");
        }
    }

    private static string OneLine(string message) => message.ReplaceLineEndings(" ");

    private static int ColumnIndex(SepReader reader, string name, string source) =>
        reader.Header.TryIndexOf(name, out var index)
            ? index
            : throw new InputException(source, 1, null, $"no column '{name}' (the header has: {string.Join(", ", reader.Header.ColNames)})");

    private static bool LooksNumeric(ReadOnlySpan<char> cell) =>
        double.TryParse(cell, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _)
        || ColumnBuilder.IsMissingToken(cell);
}

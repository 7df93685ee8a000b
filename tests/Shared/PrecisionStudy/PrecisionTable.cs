using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Lockstep.PrecisionStudy;

/// <summary>A hand label: whether the finding is right, and in the labeller's words what it is.</summary>
internal sealed record StudyLabel(bool IsTrue, string Note)
{
    /// <summary>Reads <c>key&lt;TAB&gt;true|false&lt;TAB&gt;note</c> lines; <c>#</c> starts a comment.</summary>
    public static Dictionary<string, StudyLabel> ReadAll(string path)
    {
        var labels = new Dictionary<string, StudyLabel>(StringComparer.Ordinal);
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var fields = line.Split('\t');
            if (fields.Length != 3 || fields[1] is not ("true" or "false") || fields[2].Length == 0)
            {
                throw new FormatException($"{path}:{number}: expected 'key<TAB>true|false<TAB>note'");
            }

            if (!labels.TryAdd(fields[0], new StudyLabel(fields[1] == "true", fields[2])))
            {
                throw new FormatException($"{path}:{number}: '{fields[0]}' is labelled twice");
            }
        }

        return labels;
    }
}

/// <summary>One rule's line of the precision table.</summary>
internal sealed record PrecisionRow(string Rule, int Reports, int Labelled, int True, IReadOnlyList<string> FalseNotes, IReadOnlyList<StudyFinding> Unlabelled)
{
    public int False => Labelled - True;

    public double? Precision => Labelled == 0 ? null : (double)True / Labelled;
}

/// <summary>
/// The study's precision per rule: every finding of a rule with at most <see cref="SampleSize"/>, otherwise the
/// <see cref="SampleSize"/> whose keys hash lowest (SHA-256) — the same sample on every run, chosen by nothing a
/// labeller can steer — joined with the hand labels.
/// </summary>
internal static class PrecisionTable
{
    public const int SampleSize = 50;

    public static List<PrecisionRow> Compute(IEnumerable<StudyFinding> findings, IReadOnlyDictionary<string, StudyLabel> labels, int sampleSize = SampleSize) =>
        findings.GroupBy(f => f.Rule)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(rule =>
            {
                var sample = Sample(rule.ToList(), sampleSize);
                var labelled = sample.Where(f => labels.ContainsKey(f.Key)).Select(f => labels[f.Key]).ToList();
                var falseNotes = labelled.Where(l => !l.IsTrue)
                    .GroupBy(l => l.Note, StringComparer.Ordinal)
                    .OrderByDescending(g => g.Count())
                    .ThenBy(g => g.Key, StringComparer.Ordinal)
                    .Select(g => g.Count() == 1 ? g.Key : $"{g.Key} (×{g.Count()})")
                    .ToList();
                return new PrecisionRow(rule.Key, rule.Count(), labelled.Count, labelled.Count(l => l.IsTrue), falseNotes, sample.Where(f => !labels.ContainsKey(f.Key)).ToList());
            })
            .ToList();

    public static string Markdown(IEnumerable<PrecisionRow> rows)
    {
        var text = new StringBuilder();
        text.Append("| Rule | Reports | Labelled | True | False | Precision | The false ones |\n");
        text.Append("|---|--:|--:|--:|--:|--:|---|\n");
        foreach (var row in rows)
        {
            var precision = row.Precision is { } value ? value.ToString("P0", CultureInfo.InvariantCulture) : "—";
            text.Append(CultureInfo.InvariantCulture, $"| {row.Rule} | {row.Reports} | {row.Labelled} | {row.True} | {row.False} | {precision} | {string.Join("; ", row.FalseNotes)} |\n");
        }

        return text.ToString();
    }

    private static List<StudyFinding> Sample(List<StudyFinding> findings, int size) =>
        findings.Count <= size ? findings : [.. findings.OrderBy(f => Hash(f.Key), StringComparer.Ordinal).Take(size)];

    private static string Hash(string key) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}

using Lockstep.Analyzers.Tests.Infrastructure;
using Lockstep.PrecisionStudy;

namespace Lockstep.Analyzers.Tests;

/// <summary>
/// The published precision study (docs/rules/precision.md) is the one its committed findings and hand labels give
/// (benchmarks/precision/), and it meets the bar: every rule with ten or more reports is right at least nine times
/// in ten on its labelled sample.
/// </summary>
public class PrecisionStudyTests
{
    private static readonly Dictionary<string, StudyLabel> Labels = StudyLabel.ReadAll(Repository.Path("benchmarks/precision/labels.tsv"));

    [Theory]
    [InlineData("findings.jsonl")]
    [InlineData("findings-before.jsonl")]
    public void The_published_table_is_the_one_the_findings_and_labels_give(string findings)
    {
        var table = PrecisionTable.Markdown(PrecisionTable.Compute(StudyFinding.ReadAll(Repository.Path($"benchmarks/precision/{findings}")), Labels));

        Assert.Contains(table, Repository.Read("docs/rules/precision.md"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("findings.jsonl")]
    [InlineData("findings-before.jsonl")]
    public void Every_sampled_finding_is_labelled(string findings)
    {
        var rows = PrecisionTable.Compute(StudyFinding.ReadAll(Repository.Path($"benchmarks/precision/{findings}")), Labels);

        Assert.Empty(rows.SelectMany(row => row.Unlabelled).Select(finding => finding.Key));
    }

    [Fact]
    public void Every_rule_with_ten_reports_is_right_nine_times_in_ten()
    {
        var rows = PrecisionTable.Compute(StudyFinding.ReadAll(Repository.Path("benchmarks/precision/findings.jsonl")), Labels);

        Assert.All(rows.Where(row => row.Reports >= 10), row => Assert.True(row.Precision >= 0.9, $"{row.Rule}: {row.True}/{row.Labelled}"));
        Assert.Contains(rows, row => row.Rule == "LS2001" && row.Reports >= 10);
    }

    [Fact]
    public void The_sample_does_not_depend_on_the_order_of_the_findings()
    {
        var findings = Enumerable.Range(0, 120).Select(i => new StudyFinding("LS2001", "corpus", "c0ffee", $"src/File{i}.cs", i + 1, 1, "m")).ToList();
        var labels = findings.Where((_, i) => i % 3 == 0).ToDictionary(f => f.Key, _ => new StudyLabel(true, "t"), StringComparer.Ordinal);

        var forward = PrecisionTable.Compute(findings, labels).Single();
        var backward = PrecisionTable.Compute(Enumerable.Reverse(findings), labels).Single();

        Assert.Equal(PrecisionTable.SampleSize, forward.Labelled + forward.Unlabelled.Count);
        Assert.Equal(forward.Unlabelled.Select(f => f.Key).Order(StringComparer.Ordinal), backward.Unlabelled.Select(f => f.Key).Order(StringComparer.Ordinal));
        Assert.Equal(forward.Labelled, backward.Labelled);
    }

    [Fact]
    public void A_label_file_with_a_key_twice_or_a_bad_verdict_or_a_findings_file_with_a_bad_line_is_refused()
    {
        var path = Path.Combine(Path.GetTempPath(), $"labels-{Guid.NewGuid():N}.tsv");
        try
        {
            File.WriteAllText(path, "LS2001 a/b.cs:1:1\ttrue\tdata\nLS2001 a/b.cs:1:1\tfalse\tmodel\n");
            Assert.Contains("labelled twice", Assert.Throws<FormatException>(() => StudyLabel.ReadAll(path)).Message, StringComparison.Ordinal);

            File.WriteAllText(path, "LS2001 a/b.cs:1:1\tmaybe\tdata\n");
            Assert.Contains(":1: expected", Assert.Throws<FormatException>(() => StudyLabel.ReadAll(path)).Message, StringComparison.Ordinal);

            File.WriteAllText(path, "{\"rule\":\"LS2001\",\"corpus\":\"c\",\"commit\":\"0\",\"path\":\"a.cs\",\"line\":1,\"column\":1,\"message\":\"m\"}\n{bad\n");
            Assert.Contains(":2: not a finding", Assert.Throws<FormatException>(() => StudyFinding.ReadAll(path)).Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}

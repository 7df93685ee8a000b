using System.Globalization;
using Lockstep.PrecisionStudy;

namespace Lockstep.Benchmarks.Precision;

/// <summary>
/// <c>analyzer-precision --findings FILE --labels FILE [--sample N]</c>: joins the study's findings with the hand
/// labels and prints, per rule, the reports, the labelled sample, how many were true and false, the precision and
/// what the false ones were, as a Markdown table (<see cref="PrecisionTable"/>). A sampled finding without a label
/// is listed on standard error and fails the command.
/// </summary>
internal static class PrecisionReport
{
    public static Task<int> RunAsync(string[] args)
    {
        string? findingsPath = null;
        string? labelsPath = null;
        var sampleSize = PrecisionTable.SampleSize;
        for (var i = 0; i < args.Length - 1; i += 2)
        {
            switch (args[i])
            {
                case "--findings":
                    findingsPath = args[i + 1];
                    break;
                case "--labels":
                    labelsPath = args[i + 1];
                    break;
                case "--sample":
                    sampleSize = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
                    break;
                default:
                    Console.Error.WriteLine($"analyzer-precision: unknown option {args[i]}");
                    return Task.FromResult(2);
            }
        }

        if (findingsPath is null || labelsPath is null)
        {
            Console.Error.WriteLine("usage: analyzer-precision --findings diagnostics.jsonl --labels labels.tsv [--sample 50]");
            return Task.FromResult(2);
        }

        foreach (var path in new[] { findingsPath, labelsPath })
        {
            if (!File.Exists(path))
            {
                Console.Error.WriteLine($"analyzer-precision: {path}: no such file");
                return Task.FromResult(2);
            }
        }

        List<PrecisionRow> rows;
        try
        {
            rows = PrecisionTable.Compute(StudyFinding.ReadAll(findingsPath), StudyLabel.ReadAll(labelsPath), sampleSize);
        }
        catch (FormatException exception)
        {
            Console.Error.WriteLine($"analyzer-precision: {exception.Message}");
            return Task.FromResult(2);
        }

        Console.Write(PrecisionTable.Markdown(rows));
        var unlabelled = rows.SelectMany(row => row.Unlabelled).ToList();
        if (unlabelled.Count == 0)
        {
            return Task.FromResult(0);
        }

        Console.Error.WriteLine($"analyzer-precision: {unlabelled.Count} sampled findings have no label in {labelsPath}:");
        foreach (var finding in unlabelled)
        {
            Console.Error.WriteLine($"{finding.Key}\t{finding.Message}");
        }

        return Task.FromResult(1);
    }
}

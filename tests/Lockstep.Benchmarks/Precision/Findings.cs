using System.Globalization;
using Lockstep.PrecisionStudy;
using Microsoft.CodeAnalysis;

namespace Lockstep.Benchmarks.Precision;

/// <summary>A diagnostic of the study as a finding: its position relative to the corpus root.</summary>
internal static class Findings
{
    public static StudyFinding From(Corpus corpus, Diagnostic diagnostic)
    {
        var span = diagnostic.Location.GetLineSpan();
        return new StudyFinding(
            diagnostic.Id,
            corpus.Name,
            corpus.Commit,
            Path.GetRelativePath(corpus.Root, span.Path).Replace('\\', '/'),
            span.StartLinePosition.Line + 1,
            span.StartLinePosition.Character + 1,
            diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }
}

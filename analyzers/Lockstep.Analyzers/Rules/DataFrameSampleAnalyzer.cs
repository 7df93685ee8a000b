using Lockstep.Analyzers.Symbols;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Lockstep.Analyzers.Rules;

/// <summary>LS1009: <c>Microsoft.Data.Analysis.DataFrame.Sample</c>, which cannot be seeded.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DataFrameSampleAnalyzer : TrainingCodeAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.DataFrameSample);

    protected override void OnTrainingCompilationStart(CompilationStartAnalysisContext context) =>
        ReportCallsTo(
            context,
            SymbolSets.Methods(context.Compilation, "Microsoft.Data.Analysis.DataFrame", "Sample"),
            invocation => Diagnostic.Create(Descriptors.DataFrameSample, invocation.Syntax.GetLocation()));
}

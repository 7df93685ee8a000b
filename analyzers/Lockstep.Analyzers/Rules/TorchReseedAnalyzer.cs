using Lockstep.Analyzers.Symbols;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Lockstep.Analyzers.Rules;

/// <summary>LS1008: <c>torch.seed()</c>, <c>torch.random.seed()</c> or <c>Generator.seed()</c>, which reseed from entropy.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class TorchReseedAnalyzer : TrainingCodeAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.TorchReseed);

    protected override void OnTrainingCompilationStart(CompilationStartAnalysisContext context)
    {
        var compilation = context.Compilation;
        var reseeds = SymbolSets.Methods(
            [compilation.GetTypeByMetadataName("TorchSharp.torch"), compilation.GetTypeByMetadataName("TorchSharp.torch+random"), compilation.GetTypeByMetadataName("TorchSharp.torch+Generator")],
            "seed");
        ReportCallsTo(
            context,
            reseeds,
            invocation => Diagnostic.Create(
                Descriptors.TorchReseed, invocation.Syntax.GetLocation(), invocation.TargetMethod.ContainingType.Name + "." + invocation.TargetMethod.Name + "()"));
    }
}

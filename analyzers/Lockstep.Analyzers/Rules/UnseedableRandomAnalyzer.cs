using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Lockstep.Analyzers.Rules;

/// <summary>LS1002: <c>Random.Shared</c> or <c>RandomNumberGenerator</c>, neither of which takes a seed.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnseedableRandomAnalyzer : TrainingCodeAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.UnseedableRandom);

    protected override void OnTrainingCompilationStart(CompilationStartAnalysisContext context)
    {
        var random = context.Compilation.GetTypeByMetadataName("System.Random");
        var shared = random?.GetMembers("Shared").OfType<IPropertySymbol>().FirstOrDefault();
        var generator = context.Compilation.GetTypeByMetadataName("System.Security.Cryptography.RandomNumberGenerator");

        if (shared is not null)
        {
            context.RegisterOperationAction(
                operation =>
                {
                    var reference = (IPropertyReferenceOperation)operation.Operation;
                    if (SymbolEqualityComparer.Default.Equals(reference.Property, shared))
                    {
                        operation.ReportDiagnostic(Diagnostic.Create(Descriptors.UnseedableRandom, reference.Syntax.GetLocation(), "Random.Shared"));
                    }
                },
                OperationKind.PropertyReference);
        }

        ReportCallsTo(
            context,
            generator is null ? ImmutableHashSet<IMethodSymbol>.Empty : generator.GetMembers().OfType<IMethodSymbol>().Where(method => method.IsStatic).ToImmutableHashSet<IMethodSymbol>(SymbolEqualityComparer.Default),
            invocation => Diagnostic.Create(Descriptors.UnseedableRandom, invocation.Syntax.GetLocation(), "RandomNumberGenerator." + invocation.TargetMethod.Name));
    }
}

using System.Collections.Immutable;
using Lockstep.Analyzers.Flow;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Lockstep.Analyzers.Rules;

/// <summary>
/// LS1003: <c>new MLContext()</c> or <c>new MLContext(seed: null)</c>, unless the context only loads, predicts and
/// evaluates (<see cref="MLContextUses"/>): consumption code gives the same predictions with or without a seed.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnseededMLContextAnalyzer : TrainingCodeAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.UnseededMLContext);

    protected override void OnTrainingCompilationStart(CompilationStartAnalysisContext context)
    {
        if (context.Compilation.GetTypeByMetadataName("Microsoft.ML.MLContext") is not { } mlContext)
        {
            return;
        }

        var uses = new MLContextUses(context.Compilation);
        context.RegisterOperationAction(
            operation =>
            {
                var creation = (IObjectCreationOperation)operation.Operation;
                if (SymbolEqualityComparer.Default.Equals(creation.Type, mlContext) && IsUnseeded(creation) && !uses.OnlyDeterministic(creation, operation.CancellationToken))
                {
                    operation.ReportDiagnostic(Diagnostic.Create(Descriptors.UnseededMLContext, creation.Syntax.GetLocation()));
                }
            },
            OperationKind.ObjectCreation);
    }

    /// <summary>True when an MLContext creation passes no seed or a constant null one.</summary>
    internal static bool IsUnseeded(IObjectCreationOperation creation)
    {
        var seed = creation.Arguments.ArgumentFor(parameter => parameter.Ordinal == 0);
        return seed is null || seed.IsDefaultOrNull();
    }
}

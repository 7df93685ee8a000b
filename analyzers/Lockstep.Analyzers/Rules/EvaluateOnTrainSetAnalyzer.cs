using Lockstep.Analyzers.Flow;
using Lockstep.Analyzers.Symbols;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Lockstep.Analyzers.Rules;

/// <summary>
/// LS4001: an ML.NET <c>Evaluate</c> whose data is computed from <c>TrainTestData.TrainSet</c>, directly or through
/// locals (<c>var predictions = model.Transform(split.TrainSet)</c>).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class EvaluateOnTrainSetAnalyzer : TrainingCodeAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.EvaluateOnTrainSet);

    protected override void OnTrainingCompilationStart(CompilationStartAnalysisContext context)
    {
        var types = MLNetTypes.From(context.Compilation);
        var trainSet = SymbolSets.Member(types.TrainTestData, "TrainSet");
        var evaluations = SymbolSets.Methods(types.TrainerCatalogs, "Evaluate", "EvaluateNonCalibrated");
        if (trainSet is null || evaluations.IsEmpty)
        {
            return;
        }

        context.RegisterOperationAction(
            operation =>
            {
                var invocation = (IInvocationOperation)operation.Operation;
                if (!evaluations.ContainsMethod(invocation.TargetMethod)
                    || invocation.Arguments.ArgumentFor(parameter => parameter.Ordinal == 0) is not { } data)
                {
                    return;
                }

                if (ValueOrigins.Find(data.Value, origin => origin is IMemberReferenceOperation member && SymbolEqualityComparer.Default.Equals(member.Member, trainSet), followInstances: false) is not null)
                {
                    operation.ReportDiagnostic(Diagnostic.Create(Descriptors.EvaluateOnTrainSet, invocation.Syntax.GetLocation()));
                }
            },
            OperationKind.Invocation);
    }
}

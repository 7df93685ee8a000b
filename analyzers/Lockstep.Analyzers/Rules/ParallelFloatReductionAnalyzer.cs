using Lockstep.Analyzers.Flow;
using Lockstep.Analyzers.Symbols;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Lockstep.Analyzers.Rules;

/// <summary>
/// LS3003: PLINQ <c>Sum</c>, <c>Average</c> or <c>Aggregate</c> whose result is float or double, and
/// <c>Parallel.For</c>/<c>ForEach</c> bodies that accumulate (<c>+=</c>, <c>-=</c>, <c>*=</c>) into a float or double
/// declared outside the body.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ParallelFloatReductionAnalyzer : TrainingCodeAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.ParallelFloatReduction);

    protected override void OnTrainingCompilationStart(CompilationStartAnalysisContext context)
    {
        var compilation = context.Compilation;
        var reductions = SymbolSets.Methods(compilation, "System.Linq.ParallelEnumerable", "Sum", "Average", "Aggregate");
        var loops = SymbolSets.Methods(compilation, "System.Threading.Tasks.Parallel", "For", "ForEach", "ForAsync", "ForEachAsync");

        context.RegisterOperationAction(
            operation =>
            {
                var invocation = (IInvocationOperation)operation.Operation;
                if (reductions.ContainsMethod(invocation.TargetMethod) && IsFloatingPoint(invocation.TargetMethod.ReturnType))
                {
                    Report(operation, invocation, "ParallelEnumerable." + invocation.TargetMethod.Name);
                }
                else if (loops.ContainsMethod(invocation.TargetMethod) && CapturedAccumulator(invocation) is { } accumulator)
                {
                    Report(operation, invocation, "Parallel." + invocation.TargetMethod.Name + " accumulating into '" + accumulator + "'");
                }
            },
            OperationKind.Invocation);
    }

    private static void Report(OperationAnalysisContext context, IInvocationOperation invocation, string what) =>
        context.ReportDiagnostic(Diagnostic.Create(Descriptors.ParallelFloatReduction, invocation.Syntax.GetLocation(), what));

    private static bool IsFloatingPoint(ITypeSymbol type)
    {
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            type = nullable.TypeArguments[0];
        }

        return type.SpecialType is SpecialType.System_Double or SpecialType.System_Single;
    }

    /// <summary>The name of a float or double outside the loop body that the body accumulates into, or null.</summary>
    private static string? CapturedAccumulator(IInvocationOperation loop)
    {
        foreach (var argument in loop.Arguments)
        {
            var value = argument.Value.WithoutConversions();
            if (((value as IDelegateCreationOperation)?.Target ?? value) is not IAnonymousFunctionOperation lambda)
            {
                continue;
            }

            foreach (var compound in lambda.Body.Descendants().OfType<ICompoundAssignmentOperation>())
            {
                if (compound.OperatorKind is not (BinaryOperatorKind.Add or BinaryOperatorKind.Subtract or BinaryOperatorKind.Multiply) || !IsFloatingPoint(compound.Target.Type!))
                {
                    continue;
                }

                var symbol = compound.Target switch
                {
                    ILocalReferenceOperation local when !IsDeclaredIn(local.Local, lambda) => local.Local,
                    IFieldReferenceOperation field => field.Field,
                    IPropertyReferenceOperation property => (ISymbol)property.Property,
                    _ => null,
                };
                if (symbol is not null)
                {
                    return symbol.Name;
                }
            }
        }

        return null;
    }

    private static bool IsDeclaredIn(ILocalSymbol local, IAnonymousFunctionOperation lambda) =>
        local.DeclaringSyntaxReferences.Any(reference => lambda.Syntax.Span.Contains(reference.Span));
}

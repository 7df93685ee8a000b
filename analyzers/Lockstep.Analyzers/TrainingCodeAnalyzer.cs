using Lockstep.Analyzers.Scope;
using Lockstep.Analyzers.Symbols;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Lockstep.Analyzers;

/// <summary>
/// The base of every Lockstep analyzer: skips generated code, runs concurrently, and registers its actions only
/// for training code, so a project without ML references pays one look at its references and nothing more.
/// </summary>
public abstract class TrainingCodeAnalyzer : DiagnosticAnalyzer
{
    public sealed override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (TrainingScope.Applies(start.Compilation, start.Options))
            {
                OnTrainingCompilationStart(start);
            }
        });
    }

    /// <summary>Registers the rule's actions; called only for training code.</summary>
    protected abstract void OnTrainingCompilationStart(CompilationStartAnalysisContext context);

    /// <summary>Reports every call to one of <paramref name="methods"/> with the diagnostic <paramref name="create"/> makes.</summary>
    protected static void ReportCallsTo(CompilationStartAnalysisContext context, ImmutableHashSet<IMethodSymbol> methods, Func<IInvocationOperation, Diagnostic> create)
    {
        if (methods.IsEmpty)
        {
            return;
        }

        context.RegisterOperationAction(
            operation =>
            {
                var invocation = (IInvocationOperation)operation.Operation;
                if (methods.ContainsMethod(invocation.TargetMethod))
                {
                    operation.ReportDiagnostic(create(invocation));
                }
            },
            OperationKind.Invocation);
    }
}

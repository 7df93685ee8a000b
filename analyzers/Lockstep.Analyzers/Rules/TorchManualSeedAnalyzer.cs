using Lockstep.Analyzers.Symbols;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Lockstep.Analyzers.Rules;

/// <summary>
/// LS1006: TorchSharp modules or optimizers are created, but <c>torch.manual_seed</c> is called nowhere in the
/// compilation. Reported once, at the first creation (by file path, then position), when the compilation ends.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class TorchManualSeedAnalyzer : TrainingCodeAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.TorchManualSeedMissing);

    protected override void OnTrainingCompilationStart(CompilationStartAnalysisContext context)
    {
        var module = context.Compilation.GetTypeByMetadataName("TorchSharp.torch+nn+Module");
        var optimizer = context.Compilation.GetTypeByMetadataName("TorchSharp.torch+optim+Optimizer");
        if (module is null && optimizer is null)
        {
            return;
        }

        var manualSeed = SymbolSets.Methods(
            [context.Compilation.GetTypeByMetadataName("TorchSharp.torch"), context.Compilation.GetTypeByMetadataName("TorchSharp.torch+random")],
            "manual_seed");
        var state = new State();

        context.RegisterOperationAction(
            operation =>
            {
                var invocation = (IInvocationOperation)operation.Operation;
                if (manualSeed.ContainsMethod(invocation.TargetMethod))
                {
                    state.Seeded = true;
                }
                else if (!state.Seeded && IsTorchObject(invocation.TargetMethod.ReturnType))
                {
                    state.Created(invocation.Syntax.GetLocation());
                }
            },
            OperationKind.Invocation);
        context.RegisterOperationAction(
            operation =>
            {
                if (!state.Seeded && IsTorchObject(operation.Operation.Type))
                {
                    state.Created(operation.Operation.Syntax.GetLocation());
                }
            },
            OperationKind.ObjectCreation);
        context.RegisterCompilationEndAction(end =>
        {
            if (!state.Seeded && state.First is { } location)
            {
                end.ReportDiagnostic(Diagnostic.Create(Descriptors.TorchManualSeedMissing, location));
            }
        });

        bool IsTorchObject(ITypeSymbol? type) => type.DerivesFrom(module) || type.DerivesFrom(optimizer);
    }

    private sealed class State
    {
        private readonly object gate = new();
        private volatile bool seeded;

        public bool Seeded
        {
            get => seeded;
            set => seeded = value;
        }

        public Location? First { get; private set; }

        public void Created(Location location)
        {
            lock (gate)
            {
                if (First is null || IsEarlier(location, First))
                {
                    First = location;
                }
            }
        }

        private static bool IsEarlier(Location a, Location b)
        {
            var byPath = string.CompareOrdinal(a.SourceTree?.FilePath, b.SourceTree?.FilePath);
            return byPath < 0 || (byPath == 0 && a.SourceSpan.Start < b.SourceSpan.Start);
        }
    }
}

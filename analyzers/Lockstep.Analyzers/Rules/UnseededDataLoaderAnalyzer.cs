using Lockstep.Analyzers.Flow;
using Lockstep.Analyzers.Symbols;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Lockstep.Analyzers.Rules;

/// <summary>LS1007: a TorchSharp DataLoader created with <c>shuffle: true</c> and no <c>seed</c>.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnseededDataLoaderAnalyzer : TrainingCodeAnalyzer
{
    private static readonly string[] LoaderTypes =
    [
        "TorchSharp.Modules.DataLoader", "TorchSharp.Modules.IterableDataLoader", "TorchSharp.Modules.DataLoader`2", "TorchSharp.Modules.IterableDataLoader`2",
    ];

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.UnseededDataLoader);

    protected override void OnTrainingCompilationStart(CompilationStartAnalysisContext context)
    {
        var compilation = context.Compilation;
        var loaders = LoaderTypes
            .Select(compilation.GetTypeByMetadataName)
            .Where(type => type is not null)
            .ToImmutableArray();
        var factories = SymbolSets.Methods(compilation, "TorchSharp.torch+utils+data", "DataLoader");
        if (loaders.IsEmpty && factories.IsEmpty)
        {
            return;
        }

        var constructors = loaders.SelectMany(type => type!.InstanceConstructors).ToImmutableHashSet<IMethodSymbol>(SymbolEqualityComparer.Default);

        context.RegisterOperationAction(
            operation =>
            {
                var (method, arguments) = operation.Operation switch
                {
                    IObjectCreationOperation creation => (creation.Constructor, creation.Arguments),
                    IInvocationOperation invocation => (invocation.TargetMethod, invocation.Arguments),
                    _ => (null, ImmutableArray<IArgumentOperation>.Empty),
                };
                if (method is null || !(constructors.ContainsMethod(method) || factories.ContainsMethod(method)))
                {
                    return;
                }

                var shuffle = arguments.ArgumentFor(parameter => parameter.Name == "shuffle");
                var seed = arguments.ArgumentFor(parameter => parameter.Name == "seed");
                if (shuffle?.Value.WithoutConversions().ConstantValue is { HasValue: true, Value: true } && seed is not null && seed.IsDefaultOrNull())
                {
                    operation.ReportDiagnostic(Diagnostic.Create(Descriptors.UnseededDataLoader, operation.Operation.Syntax.GetLocation()));
                }
            },
            OperationKind.ObjectCreation,
            OperationKind.Invocation);
    }
}

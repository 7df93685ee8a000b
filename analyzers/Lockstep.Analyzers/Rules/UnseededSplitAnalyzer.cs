using System.Collections.Concurrent;
using Lockstep.Analyzers.Flow;
using Lockstep.Analyzers.Symbols;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Lockstep.Analyzers.Rules;

/// <summary>
/// LS1005: ML.NET's <c>TrainTestSplit</c>, <c>CrossValidationSplit</c>, <c>ShuffleRows</c>, <c>BootstrapSample</c> or
/// <c>CrossValidate</c> without a seed, on an MLContext that is not provably seeded: created with a seed in the
/// same expression, in every assignment of the local, or in every assignment of the field or property in its type.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnseededSplitAnalyzer : TrainingCodeAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.UnseededSplit);

    protected override void OnTrainingCompilationStart(CompilationStartAnalysisContext context)
    {
        var types = MLNetTypes.From(context.Compilation);
        if (types.MLContext is not { } mlContext)
        {
            return;
        }

        var methods = SymbolSets.Methods([types.DataOperationsCatalog], "TrainTestSplit", "CrossValidationSplit", "ShuffleRows", "BootstrapSample")
            .Union(SymbolSets.Methods(types.TrainerCatalogs, "CrossValidate"));

        context.RegisterSymbolStartAction(
            start =>
            {
                var type = (INamedTypeSymbol)start.Symbol;
                var members = new MemberSeeding(mlContext, type);
                var pending = new ConcurrentQueue<(IInvocationOperation Invocation, ISymbol Member)>();

                start.RegisterOperationAction(members.RecordAssignment, OperationKind.SimpleAssignment, OperationKind.FieldInitializer, OperationKind.PropertyInitializer);
                start.RegisterOperationAction(members.RecordCall, OperationKind.Invocation);
                start.RegisterOperationAction(
                    operation =>
                    {
                        var invocation = (IInvocationOperation)operation.Operation;
                        if (!methods.ContainsMethod(invocation.TargetMethod) || !HasNoSeed(invocation))
                        {
                            return;
                        }

                        var source = ContextOf(invocation.Instance, mlContext);
                        switch (Seeding.OfContext(source, mlContext))
                        {
                            case ContextSeeding.Seeded:
                                return;
                            case ContextSeeding.DependsOnMember when source!.WithoutConversions() is IMemberReferenceOperation member
                                && SymbolEqualityComparer.Default.Equals(member.Member.ContainingType, type):
                                pending.Enqueue((invocation, member.Member));
                                return;
                            case ContextSeeding.DependsOnMember when source!.WithoutConversions() is IParameterReferenceOperation parameter:
                                pending.Enqueue((invocation, parameter.Parameter.OriginalDefinition));
                                return;
                            default:
                                operation.ReportDiagnostic(Create(invocation));
                                return;
                        }
                    },
                    OperationKind.Invocation);
                start.RegisterSymbolEndAction(end =>
                {
                    foreach (var (invocation, member) in pending)
                    {
                        if (!members.IsSeeded(member))
                        {
                            end.ReportDiagnostic(Create(invocation));
                        }
                    }
                });
            },
            SymbolKind.NamedType);
    }

    private static Diagnostic Create(IInvocationOperation invocation) =>
        Diagnostic.Create(Descriptors.UnseededSplit, invocation.Syntax.GetLocation(), invocation.TargetMethod.Name);

    private static bool HasNoSeed(IInvocationOperation invocation)
    {
        var seed = invocation.Arguments.ArgumentFor(parameter => parameter.Name == "seed");
        return seed is not null && seed.IsDefaultOrNull();
    }

    /// <summary>The MLContext a catalog came from: <c>ctx</c> in <c>ctx.Data</c>, also through a local holding the catalog.</summary>
    private static IOperation? ContextOf(IOperation? catalog, INamedTypeSymbol mlContext)
    {
        for (var depth = 0; catalog is not null && depth < 4; depth++)
        {
            catalog = catalog.WithoutConversions();
            if (catalog is IPropertyReferenceOperation { Instance: { } instance } && SymbolEqualityComparer.Default.Equals(instance.Type, mlContext))
            {
                return instance;
            }

            if (catalog is not ILocalReferenceOperation local)
            {
                return null;
            }

            var assigned = catalog.Root().ValuesAssignedTo(local.Local).ToList();
            catalog = assigned.Count == 1 ? assigned[0] : null;
        }

        return null;
    }

    private enum ContextSeeding
    {
        Unseeded,
        Seeded,
        DependsOnMember,
    }

    private static class Seeding
    {
        public static ContextSeeding OfContext(IOperation? context, INamedTypeSymbol mlContext)
        {
            switch (context?.WithoutConversions())
            {
                case IObjectCreationOperation creation:
                    return IsSeededCreation(creation, mlContext) ? ContextSeeding.Seeded : ContextSeeding.Unseeded;
                case ILocalReferenceOperation local:
                    var values = context.Root().ValuesAssignedTo(local.Local).ToList();
                    return values.Count > 0 && values.All(value => IsSeededCreation(value, mlContext)) ? ContextSeeding.Seeded : ContextSeeding.Unseeded;
                case IFieldReferenceOperation or IPropertyReferenceOperation:
                    return ContextSeeding.DependsOnMember;
                // A private method's parameter: only this type calls it, so its callers decide.
                case IParameterReferenceOperation { Parameter.ContainingSymbol: IMethodSymbol { DeclaredAccessibility: Accessibility.Private, MethodKind: MethodKind.Ordinary } }:
                    return ContextSeeding.DependsOnMember;
                default:
                    return ContextSeeding.Unseeded;
            }
        }

        public static bool IsSeededCreation(IOperation value, INamedTypeSymbol mlContext) =>
            value.WithoutConversions() is IObjectCreationOperation creation
            && SymbolEqualityComparer.Default.Equals(creation.Type, mlContext)
            && !UnseededMLContextAnalyzer.IsUnseeded(creation);
    }

    /// <summary>
    /// What the fields and properties of one type that hold an MLContext are assigned, across the type, and what its
    /// calls pass for the MLContext parameters of its private methods.
    /// </summary>
    private sealed class MemberSeeding(INamedTypeSymbol mlContext, INamedTypeSymbol type)
    {
        private readonly ConcurrentDictionary<ISymbol, bool> allSeeded = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentQueue<(IParameterSymbol Parameter, IOperation Value)> passed = new();

        public bool IsSeeded(ISymbol member) => member is IParameterSymbol parameter
            ? IsSeededByEveryCall(parameter)
            : allSeeded.TryGetValue(member, out var seeded) && seeded;

        public void RecordCall(OperationAnalysisContext context)
        {
            var invocation = (IInvocationOperation)context.Operation;
            if (!SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, type))
            {
                return;
            }

            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter is { } parameter && SymbolEqualityComparer.Default.Equals(parameter.Type, mlContext))
                {
                    passed.Enqueue((parameter.OriginalDefinition, argument.Value));
                }
            }
        }

        // Seeded when called at least once and every call passes a seeded context: created with a seed, or a field of the type that always holds one.
        private bool IsSeededByEveryCall(IParameterSymbol parameter)
        {
            var values = passed.Where(p => SymbolEqualityComparer.Default.Equals(p.Parameter, parameter)).Select(p => p.Value).ToList();
            return values.Count > 0 && values.All(value => Seeding.OfContext(value, mlContext) switch
            {
                ContextSeeding.Seeded => true,
                ContextSeeding.DependsOnMember => value.WithoutConversions() is IMemberReferenceOperation member
                    && SymbolEqualityComparer.Default.Equals(member.Member.ContainingType, type)
                    && allSeeded.TryGetValue(member.Member, out var seeded) && seeded,
                _ => false,
            });
        }

        public void RecordAssignment(OperationAnalysisContext context)
        {
            switch (context.Operation)
            {
                case ISimpleAssignmentOperation { Target: IMemberReferenceOperation target } assignment:
                    Record(target.Member, assignment.Value);
                    break;
                case IFieldInitializerOperation initializer:
                    foreach (var field in initializer.InitializedFields)
                    {
                        Record(field, initializer.Value);
                    }

                    break;
                case IPropertyInitializerOperation initializer:
                    foreach (var property in initializer.InitializedProperties)
                    {
                        Record(property, initializer.Value);
                    }

                    break;
            }
        }

        private void Record(ISymbol member, IOperation value)
        {
            if (!SymbolEqualityComparer.Default.Equals(member.ContainingType, type))
            {
                return;
            }

            var seeded = Seeding.IsSeededCreation(value, mlContext);
            allSeeded.AddOrUpdate(member, seeded, (_, previous) => previous && seeded);
        }
    }
}

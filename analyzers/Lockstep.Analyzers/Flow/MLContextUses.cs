using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Lockstep.Analyzers.Symbols;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Lockstep.Analyzers.Flow;

/// <summary>
/// Whether an <c>MLContext</c> ever draws randomness. The context's seed only reaches the components that ask the
/// host for its random source (in ML.NET's sources: trainers, splits, shuffles, bootstrap sampling, PCA, random
/// Fourier features, tree featurizers, permutation feature importance, the binary and anomaly evaluators' reservoirs,
/// AutoML). SSA forecasting and the time-series detectors draw nothing. A context that only loads data, loads or saves a model, predicts, evaluates a regression, multiclass,
/// ranking or clustering model, and applies the other transforms gives the same results with or without a seed —
/// the consumption code ML.NET Model Builder generates, the transform samples. Any other use, the context passed
/// to a method outside the project, stored in a non-private member or returned, may draw; so does a context never used.
/// A context passed to the project's own methods and constructors, or kept in a private field, is followed there.
/// </summary>
internal sealed class MLContextUses
{
    private static readonly HashSet<string> RandomData = new(StringComparer.Ordinal) { "TrainTestSplit", "CrossValidationSplit", "ShuffleRows", "BootstrapSample" };

    private static readonly HashSet<string> RandomTransforms = new(StringComparer.Ordinal)
    {
        "ApproximatedKernelMap", "ProjectToPrincipalComponents", "FeaturizeByFastTreeBinary", "FeaturizeByFastTreeRegression",
        "FeaturizeByFastTreeRanking", "FeaturizeByFastTreeTweedie", "FeaturizeByFastForestBinary", "FeaturizeByFastForestRegression",
        "FeaturizeByPretrainTreeEnsemble",
    };

    private static readonly HashSet<string> DeterministicAnomalyDetection = new(StringComparer.Ordinal)
    {
        "DetectEntireAnomalyBySrCnn", "DetectSeasonality", "LocalizeRootCause", "LocalizeRootCauses",
    };

    // Calls that take the context only as their host: a time-series engine (predicts, saves its state) and the
    // pretrained image featurizers (model.ModelSelector.ResNet18(ml, …)).
    private static readonly HashSet<string> HostOnly = new(StringComparer.Ordinal) { "CreateTimeSeriesEngine", "CheckPoint", "AlexNet", "ResNet18", "ResNet50", "ResNet101" };

    private static readonly HashSet<string> EvaluatedWithoutSampling = new(StringComparer.Ordinal) { "Regression", "MulticlassClassification", "Ranking", "Clustering" };

    // How far a context is followed into the project's own methods and the fields they keep it in.
    private const int MaxHops = 3;

    private readonly Compilation compilation;
    private readonly ConcurrentDictionary<INamedTypeSymbol, ILookup<ISymbol, IOperation>> referencesByType = new(SymbolEqualityComparer.Default);

    public MLContextUses(Compilation compilation) => this.compilation = compilation;

    /// <summary>True when the context created here is used, and only in ways that draw no randomness.</summary>
    public bool OnlyDeterministic(IObjectCreationOperation creation, CancellationToken cancellationToken)
    {
        var holder = HolderOf(creation);
        if (holder is null)
        {
            return false;
        }

        var uses = holder is ILocalSymbol
            ? creation.Root().Descendants().Where(o => o is ILocalReferenceOperation local && SymbolEqualityComparer.Default.Equals(local.Local, holder)).ToList()
            : References(holder, creation.SemanticModel, cancellationToken);
        return uses.Count > 0 && uses.All(use => IsDeterministicUse(use, MaxHops, cancellationToken));
    }

    private static ISymbol? HolderOf(IOperation creation)
    {
        var operation = creation;
        while (operation.Parent is IConversionOperation or IVariableInitializerOperation)
        {
            operation = operation.Parent;
        }

        return operation.Parent switch
        {
            IVariableDeclaratorOperation declarator => declarator.Symbol,
            IFieldInitializerOperation { InitializedFields.Length: 1 } field when field.InitializedFields[0].DeclaredAccessibility == Accessibility.Private => field.InitializedFields[0],
            ISimpleAssignmentOperation { Target: ILocalReferenceOperation local } assignment when assignment.Value == operation => local.Local,
            ISimpleAssignmentOperation { Target: IFieldReferenceOperation { Field.DeclaredAccessibility: Accessibility.Private } field } assignment when assignment.Value == operation => field.Field,
            _ => null,
        };
    }

    private List<IOperation>? ParameterUses(IParameterSymbol parameter, SemanticModel? known, CancellationToken cancellationToken) =>
        parameter.ContainingSymbol is IMethodSymbol method && TypeBodies.OfMethod(method, compilation, known, cancellationToken) is { } body
            ? body.Descendants().Where(o => o is IParameterReferenceOperation p && SymbolEqualityComparer.Default.Equals(p.Parameter.OriginalDefinition, parameter.OriginalDefinition)).ToList()
            : null;

    private List<IOperation> References(ISymbol field, SemanticModel? known, CancellationToken cancellationToken)
    {
        var type = field.ContainingType;
        var references = referencesByType.GetOrAdd(type, t => TypeBodies.Of(t, compilation, known, cancellationToken)
            .SelectMany(body => body.Body.Descendants())
            .OfType<IFieldReferenceOperation>()
            .ToLookup(reference => (ISymbol)reference.Field.OriginalDefinition, reference => (IOperation)reference, SymbolEqualityComparer.Default));
        return references[field.OriginalDefinition]
            .Where(reference => !(reference.Parent is ISimpleAssignmentOperation assignment && assignment.Target == reference))
            .ToList();
    }

    // ml.Model.Load(…), ml.Data.LoadFromTextFile(…), ml.Transforms.Text.FeaturizeText(…), ml.Regression.Evaluate(…), ml.Log += …
    private bool IsDeterministicUse(IOperation reference, int hops, CancellationToken cancellationToken)
    {
        if (reference.Parent is IEventReferenceOperation { Event.Name: "Log" }
            || (reference.Parent is ISimpleAssignmentOperation assignment && assignment.Target == reference))
        {
            return true;
        }

        var value = reference.Parent is IConversionOperation conversion ? conversion : reference;

        // Kept in a private field of this project (_mlContext = mlContext): as deterministic as the field's uses.
        if (value.Parent is ISimpleAssignmentOperation { Target: IFieldReferenceOperation { Field: { DeclaredAccessibility: Accessibility.Private } field } } store
            && store.Value == value && hops > 0 && field.IsDeclaredIn(compilation))
        {
            var fieldUses = References(field, reference.SemanticModel, cancellationToken);
            return fieldUses.Count > 0 && fieldUses.All(use => IsDeterministicUse(use, hops - 1, cancellationToken));
        }

        if (value.Parent is IArgumentOperation { Parameter: { } parameter, Parent: var call })
        {
            if (call is IInvocationOperation host && HostOnly.Contains(host.TargetMethod.Name))
            {
                return true;
            }

            // Passed to a method or constructor of this project: as deterministic as the parameter's uses there.
            return hops > 0 && parameter.IsDeclaredIn(compilation) && ParameterUses(parameter, reference.SemanticModel, cancellationToken) is { Count: > 0 } parameterUses
                && parameterUses.All(use => IsDeterministicUse(use, hops - 1, cancellationToken));
        }

        if (reference.Parent is not IPropertyReferenceOperation catalog || catalog.Instance != reference)
        {
            return false;
        }

        // Down through sub-catalogs (Transforms.Text, Transforms.Conversion) to the call.
        IOperation receiver = catalog;
        while (receiver.Parent is IPropertyReferenceOperation inner && inner.Instance == receiver)
        {
            receiver = inner;
        }

        var method = CallOn(receiver)?.TargetMethod.Name;
        return (catalog.Property.Name, method) switch
        {
            ("ComponentCatalog", _) => true,
            (_, null) => false,
            ("Model", _) => true,
            ("Data", { } name) => !RandomData.Contains(name),
            ("Transforms", { } name) => !RandomTransforms.Contains(name),
            ("AnomalyDetection", { } name) => DeterministicAnomalyDetection.Contains(name),
            ("Forecasting", "ForecastBySsa") => true,
            (var task, "Evaluate") => EvaluatedWithoutSampling.Contains(task),
            _ => false,
        };
    }

    // An instance method of the catalog, or an extension method whose receiver (its first argument) is the catalog.
    private static IInvocationOperation? CallOn(IOperation receiver) => receiver.Parent switch
    {
        IInvocationOperation invocation when invocation.Instance == receiver => invocation,
        IArgumentOperation { Parent: IInvocationOperation { TargetMethod.IsExtensionMethod: true } extension } => extension,
        IConversionOperation { Parent: IArgumentOperation { Parent: IInvocationOperation { TargetMethod.IsExtensionMethod: true } converted } } => converted,
        _ => null,
    };
}

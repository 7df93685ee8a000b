using Lockstep.Analyzers.Data;
using Lockstep.Analyzers.Options;
using Lockstep.Analyzers.Symbols;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Lockstep.Analyzers.Rules;

/// <summary>
/// The data rules, over string literals: LS2001 a local data path not pinned in data.lock.json (or by a .dvc
/// pointer), LS2002 a path or URI that names a moving version, LS2003 remote data not pinned to a version, LS2004 a
/// path in someone's home folder. A literal gets at most one of them, and none when it is not a data read: where it
/// goes (<see cref="LiteralUse"/>, then <see cref="PathFlow"/> for what holds it) is a model saved or loaded, an
/// output, a message, a comparison or a check; or it names a model by its file name or folder, or a configuration file.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DataPathAnalyzer : TrainingCodeAnalyzer
{
    /// <summary>Set on LS2001 when the literal can be wrapped in DataLock.Path (not in a constant).</summary>
    public const string FixableProperty = "fixable";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        Descriptors.UnpinnedDataPath, Descriptors.MutableDataReference, Descriptors.UnpinnedRemoteData, Descriptors.MachineSpecificPath);

    protected override void OnTrainingCompilationStart(CompilationStartAnalysisContext context)
    {
        var compilation = context.Compilation;
        var options = new LockstepOptions.Reader(context.Options);
        var pins = DataLockPins.From(context.Options.AdditionalFiles, context.CancellationToken);
        var dataLockPath = SymbolSets.Methods(compilation, "Lockstep.Sdk.DataLock", "Path");
        var sinks = PathSinks.For(compilation);
        var flow = new PathFlow(sinks, compilation);

        context.RegisterOperationAction(
            operation =>
            {
                var literal = (ILiteralOperation)operation.Operation;
                if (literal.ConstantValue is not { HasValue: true, Value: string text })
                {
                    return;
                }

                var fileOptions = options.For(literal.Syntax.SyntaxTree);
                var reference = DataReference.Classify(text, fileOptions);
                if (reference.Kind == DataReferenceKind.None || IsNotData(literal, reference, operation, sinks, flow))
                {
                    return;
                }

                var location = literal.Syntax.GetLocation();
                if (reference.Kind == DataReferenceKind.MachineSpecificPath)
                {
                    operation.ReportDiagnostic(Diagnostic.Create(Descriptors.MachineSpecificPath, location, text));
                }
                else if (reference.MutablePattern(fileOptions) is { } pattern)
                {
                    operation.ReportDiagnostic(Diagnostic.Create(Descriptors.MutableDataReference, location, text, pattern));
                }
                else if (reference.Kind == DataReferenceKind.Remote)
                {
                    if (RemotePins.Missing(text, reference.Scheme) is { } missing)
                    {
                        operation.ReportDiagnostic(Diagnostic.Create(Descriptors.UnpinnedRemoteData, location, text, missing));
                    }
                }
                else if (!pins.IsPinned(text) && !IsArgumentOf(literal, dataLockPath))
                {
                    var properties = IsConstantContext(literal, operation.ContainingSymbol)
                        ? ImmutableDictionary<string, string?>.Empty
                        : ImmutableDictionary<string, string?>.Empty.Add(FixableProperty, "true");
                    operation.ReportDiagnostic(Diagnostic.Create(Descriptors.UnpinnedDataPath, location, properties, text));
                }
            },
            OperationKind.Literal);
    }

    /// <summary>
    /// True when the literal is not a data read: it goes into a model artifact, an output, a message or a check,
    /// directly or through what holds it (<see cref="PathFlow"/>).
    /// </summary>
    private static bool IsNotData(IOperation literal, DataReference reference, OperationAnalysisContext context, PathSinks sinks, PathFlow flow)
    {
        var use = LiteralUse.Of(literal, context.ContainingSymbol, sinks);
        if (use.IsNotData || (reference.Kind != DataReferenceKind.Remote && (use.IsAddress || IsModelByName(reference, use, sinks))))
        {
            return true;
        }

        foreach (var holder in use.Holders)
        {
            if (flow.IsNotData(holder, literal.SemanticModel, context.CancellationToken))
            {
                return true;
            }
        }

        var type = context.ContainingSymbol.ContainingType;
        return (use.IsWholePath && flow.IsWrittenIn(type, reference.Text, literal.SemanticModel, context.CancellationToken))
            || flow.IsModelFileIn(type, reference.Text, literal.SemanticModel, context.CancellationToken);
    }

    // The holders' names, and those of the values the path is built with ($"{ModelsFolder}/churn.zip"), may say model.
    private static bool IsModelByName(DataReference reference, LiteralUse use, PathSinks sinks) =>
        ModelFileNames.IsModel(DataPaths.Normalize(reference.Text), [.. use.Holders, .. PathParts.Of(use.Value, sinks)]);

    private static bool IsArgumentOf(IOperation literal, ImmutableHashSet<IMethodSymbol> methods)
    {
        var operation = literal;
        while (operation.Parent is IConversionOperation)
        {
            operation = operation.Parent;
        }

        return operation.Parent is IArgumentOperation argument && LiteralUse.Callee(argument) is { } callee && methods.ContainsMethod(callee);
    }

    // A constant or an optional parameter's default cannot hold a call to DataLock.Path.
    private static bool IsConstantContext(IOperation literal, ISymbol containingSymbol)
    {
        if (containingSymbol is IFieldSymbol { IsConst: true } or IParameterSymbol)
        {
            return true;
        }

        var operation = literal.Parent;
        while (operation is IConversionOperation or IVariableInitializerOperation)
        {
            operation = operation.Parent;
        }

        return operation is IVariableDeclaratorOperation { Symbol.IsConst: true };
    }
}

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
/// path in someone's home folder. A literal gets at most one of them; paths written to (model files, outputs), directly or through
/// <c>Path.Combine</c>, <c>Path.Join</c>, interpolation or concatenation, none.
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
        var writes = OutputMethods(compilation);
        var pathBuilders = SymbolSets.Methods(compilation, "System.IO.Path", "Combine", "Join");

        context.RegisterOperationAction(
            operation =>
            {
                var literal = (ILiteralOperation)operation.Operation;
                if (literal.ConstantValue is not { HasValue: true, Value: string text })
                {
                    return;
                }

                var reference = DataReference.Classify(text, options.For(literal.Syntax.SyntaxTree));
                if (reference.Kind == DataReferenceKind.None || IsWrittenPath(literal, writes, pathBuilders))
                {
                    return;
                }

                var location = literal.Syntax.GetLocation();
                if (reference.Kind == DataReferenceKind.MachineSpecificPath)
                {
                    operation.ReportDiagnostic(Diagnostic.Create(Descriptors.MachineSpecificPath, location, text));
                }
                else if (reference.MutablePattern(options.For(literal.Syntax.SyntaxTree)) is { } pattern)
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

    /// <summary>Methods whose path arguments are written, not read: model files and outputs are not input data.</summary>
    private static ImmutableHashSet<IMethodSymbol> OutputMethods(Compilation compilation)
    {
        var methods = SymbolSets.Methods(
            compilation,
            "System.IO.File",
            "WriteAllText", "WriteAllTextAsync", "WriteAllBytes", "WriteAllBytesAsync", "WriteAllLines", "WriteAllLinesAsync",
            "AppendAllText", "AppendAllTextAsync", "AppendAllLines", "AppendAllLinesAsync", "AppendText", "Create", "CreateText", "OpenWrite", "Delete")
            .Union(SymbolSets.Methods(compilation, "System.IO.Directory", "CreateDirectory", "Delete"))
            .Union(SymbolSets.Methods(compilation, "Microsoft.ML.ModelOperationsCatalog", "Save"))
            .Union(SymbolSets.Methods(compilation, "TorchSharp.torch+nn+Module", "save"))
            .Union(SymbolSets.Methods(compilation, "Microsoft.Data.Analysis.DataFrame", "SaveCsv", "WriteCsv"))
            .Union(SymbolSets.Methods(compilation, "Lockstep.Sdk.ReportCardBuilder", "Write"));
        if (compilation.GetTypeByMetadataName("System.IO.StreamWriter") is { } writer)
        {
            methods = methods.Union(writer.InstanceConstructors);
        }

        return methods;
    }

    private static bool IsArgumentOf(IOperation literal, ImmutableHashSet<IMethodSymbol> methods)
    {
        var operation = literal;
        while (operation.Parent is IConversionOperation)
        {
            operation = operation.Parent;
        }

        return operation.Parent is IArgumentOperation argument && Callee(argument) is { } callee && methods.ContainsMethod(callee);
    }

    /// <summary>
    /// True when the literal is, or is part of, a path argument of a write method: directly, or through
    /// <c>Path.Combine</c>/<c>Path.Join</c>, string interpolation and string concatenation.
    /// </summary>
    private static bool IsWrittenPath(IOperation literal, ImmutableHashSet<IMethodSymbol> writes, ImmutableHashSet<IMethodSymbol> pathBuilders)
    {
        var operation = literal;
        while (operation.Parent is { } parent)
        {
            switch (parent)
            {
                case IConversionOperation or IInterpolatedStringTextOperation or IInterpolationOperation or IInterpolatedStringOperation:
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add, Type.SpecialType: SpecialType.System_String }:
                // The elements of a params argument (an array, or a span's collection) that the compiler builds.
                case IArrayInitializerOperation:
                case { IsImplicit: true, Parent: IArgumentOperation { ArgumentKind: not ArgumentKind.Explicit } }:
                    operation = parent;
                    continue;
                case IArgumentOperation argument when Callee(argument) is { } callee:
                    if (writes.ContainsMethod(callee))
                    {
                        return true;
                    }

                    if (!pathBuilders.ContainsMethod(callee))
                    {
                        return false;
                    }

                    operation = argument.Parent!;
                    continue;
                default:
                    return false;
            }
        }

        return false;
    }

    private static IMethodSymbol? Callee(IArgumentOperation argument) => argument.Parent switch
    {
        IInvocationOperation invocation => invocation.TargetMethod,
        IObjectCreationOperation { Constructor: { } constructor } => constructor,
        _ => null,
    };

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

using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using Lockstep.Analyzers.Flow;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Lockstep.Analyzers.Data;

/// <summary>
/// Which symbols of a type hold a model artifact or an output path: those whose value reaches a call that saves or
/// loads a model or writes an output (<see cref="PathUse.Artifact"/>), directly or through other locals, fields,
/// constants, properties, parameters of the project's methods and the values they are combined into. Built once per
/// type, the first time one of its literals needs it, from every member body, field and property initializer; so
/// <c>const string ModelFile = "model.zip"</c> declared at the top of a class and saved to in a method is known to be
/// the model, while <c>TrainFile</c> beside it, only ever loaded, stays data.
/// </summary>
internal sealed class PathFlow
{
    // The types whose flow this thread is building: a flow that asks for its own (through another type) gets "unknown".
    private static readonly ThreadLocal<HashSet<INamedTypeSymbol>> Building = new(() => new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default));

    private readonly PathSinks sinks;
    private readonly Compilation compilation;
    private readonly ConcurrentDictionary<INamedTypeSymbol, TypeFlow> byType = new(SymbolEqualityComparer.Default);

    public PathFlow(PathSinks sinks, Compilation compilation)
    {
        this.sinks = sinks;
        this.compilation = compilation;
    }

    /// <summary>True when the value held by <paramref name="holder"/> ends in a model artifact or an output.</summary>
    public bool IsNotData(ISymbol holder, SemanticModel? known, CancellationToken cancellationToken) =>
        For(holder.ContainingType, known, cancellationToken)?.NotData.Contains(holder) == true;

    /// <summary>True when the type writes, saves or loads as a model this whole path: reading it back is not reading data.</summary>
    public bool IsWrittenIn(INamedTypeSymbol? type, string path, SemanticModel? known, CancellationToken cancellationToken) =>
        For(type, known, cancellationToken)?.WrittenPaths.Contains(DataPaths.Normalize(path)) == true;

    /// <summary>True when the type combines this file name with a model's folder: a file of the model.</summary>
    public bool IsModelFileIn(INamedTypeSymbol? type, string name, SemanticModel? known, CancellationToken cancellationToken) =>
        For(type, known, cancellationToken)?.ModelFiles.Contains(DataPaths.Normalize(name)) == true;

    private TypeFlow? For(INamedTypeSymbol? type, SemanticModel? known, CancellationToken cancellationToken)
    {
        // Only this project's types: a referenced project's syntax (the IDE holds it) belongs to another compilation.
        if (type is null || !sinks.IsInProject(type))
        {
            return null;
        }

        if (byType.TryGetValue(type, out var built))
        {
            return built;
        }

        if (!Building.Value!.Add(type))
        {
            return null;
        }

        try
        {
            return byType.GetOrAdd(type, Build(type, known, cancellationToken));
        }
        finally
        {
            Building.Value.Remove(type);
        }
    }

    /// <summary>The symbol an assignment stores into, when it is one a path can be followed through.</summary>
    public static ISymbol? Holder(IOperation target) => target switch
    {
        ILocalReferenceOperation local => local.Local,
        IFieldReferenceOperation field => field.Field.OriginalDefinition,
        IPropertyReferenceOperation property => property.Property.OriginalDefinition,
        IParameterReferenceOperation parameter => parameter.Parameter.OriginalDefinition,
        _ => null,
    };

    /// <summary>What a <c>return</c> hands its value to: the method, the property of a getter, or the local function.</summary>
    public static ISymbol? ReturnHolder(IOperation @return, ISymbol containingSymbol)
    {
        for (var operation = @return.Parent; operation is not null; operation = operation.Parent)
        {
            switch (operation)
            {
                case IAnonymousFunctionOperation:
                    return null;
                case ILocalFunctionOperation local:
                    return local.Symbol;
            }
        }

        return containingSymbol is IMethodSymbol { AssociatedSymbol: IPropertySymbol property } ? property.OriginalDefinition : containingSymbol.OriginalDefinition;
    }

    private TypeFlow Build(INamedTypeSymbol type, SemanticModel? known, CancellationToken cancellationToken)
    {
        var flowsInto = new Dictionary<ISymbol, List<ISymbol>>(SymbolEqualityComparer.Default);
        var notData = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        var writtenPaths = new HashSet<string>(StringComparer.Ordinal);
        var modelFiles = new HashSet<string>(StringComparer.Ordinal);
        var combines = new List<IInvocationOperation>();
        var modelFolders = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (body, member) in TypeBodies.Of(type, compilation, known, cancellationToken))
        {
            foreach (var operation in body.DescendantsAndSelf())
            {
                switch (operation)
                {
                    case IVariableDeclaratorOperation { Initializer: { } initializer } declarator:
                        Connect(initializer.Value, declarator.Symbol);
                        break;
                    case ISimpleAssignmentOperation assignment when Holder(assignment.Target) is { } target:
                        Connect(assignment.Value, target);
                        break;
                    case IFieldInitializerOperation field:
                        foreach (var initialized in field.InitializedFields)
                        {
                            Connect(field.Value, initialized.OriginalDefinition);
                        }

                        break;
                    case IPropertyInitializerOperation property:
                        foreach (var initialized in property.InitializedProperties)
                        {
                            Connect(property.Value, initialized.OriginalDefinition);
                        }

                        break;
                    case IInvocationOperation invocation when sinks.IsPathBuilder(invocation.TargetMethod):
                        combines.Add(invocation);
                        break;
                    case IReturnOperation { ReturnedValue: { } returned } @return when ReturnHolder(@return, member) is { } holder:
                        ConnectReturn(returned, holder, @return.Root());
                        break;
                    case IArgumentOperation { Parameter: { } parameter } argument when LiteralUse.Callee(argument) is { } callee:
                        if (sinks.Classify(callee, argument) == PathUse.Artifact)
                        {
                            if (sinks.IsModelCall(callee))
                            {
                                modelFolders.Add(ModelFolders.Key(argument.Value.WithoutConversions()));
                            }

                            notData.UnionWith(PathParts.Of(argument.Value, sinks));
                            // A whole path written here: reading the same path back elsewhere in the type is not reading data.
                            if (argument.Value.WithoutConversions() is ILiteralOperation { ConstantValue: { HasValue: true, Value: string path } })
                            {
                                writtenPaths.Add(DataPaths.Normalize(path));
                            }
                        }
                        else if (sinks.IsInProject(callee))
                        {
                            Connect(argument.Value, parameter.OriginalDefinition);
                        }

                        break;
                }
            }
        }

        // The files beside a model file, or inside a folder loaded as a model, are the model's own.
        modelFolders.UnionWith(combines.Where(c => ModelFolders.FileName(c) is { } name && ModelFolders.IsModelFile(name)).Select(ModelFolders.FolderKey).OfType<string>());
        foreach (var combine in combines)
        {
            if (ModelFolders.FolderKey(combine) is { } folder && modelFolders.Contains(folder) && ModelFolders.FileName(combine) is { } file)
            {
                notData.UnionWith(PathParts.Of(file, sinks));
                if (file.ConstantValue is { HasValue: true, Value: string name })
                {
                    modelFiles.Add(DataPaths.Normalize(name));
                }
            }
        }

        // A parameter or field of another type of the project that holds no data, asked of that type's own flow.
        foreach (var target in flowsInto.Values.SelectMany(targets => targets).Distinct(SymbolEqualityComparer.Default).ToList())
        {
            if (target is IParameterSymbol or IFieldSymbol or IPropertySymbol && !SymbolEqualityComparer.Default.Equals(target.ContainingType, type) && IsNotData(target, known, cancellationToken))
            {
                notData.Add(target);
            }
        }

        // Everything from which a symbol that does not hold data can be reached holds no data either.
        var intoNotData = new Dictionary<ISymbol, List<ISymbol>>(SymbolEqualityComparer.Default);
        foreach (var pair in flowsInto)
        {
            foreach (var target in pair.Value)
            {
                (intoNotData.TryGetValue(target, out var sources) ? sources : intoNotData[target] = []).Add(pair.Key);
            }
        }

        var pending = new Stack<ISymbol>(notData);
        while (pending.Count > 0)
        {
            if (intoNotData.TryGetValue(pending.Pop(), out var sources))
            {
                foreach (var source in sources)
                {
                    if (notData.Add(source))
                    {
                        pending.Push(source);
                    }
                }
            }
        }

        return new TypeFlow(
            notData.ToImmutableHashSet(SymbolEqualityComparer.Default),
            writtenPaths.ToImmutableHashSet(StringComparer.Ordinal),
            modelFiles.ToImmutableHashSet(StringComparer.Ordinal));

        void AddEdge(ISymbol from, ISymbol to) => (flowsInto.TryGetValue(from, out var targets) ? targets : flowsInto[from] = []).Add(to);

        void Connect(IOperation value, ISymbol target)
        {
            foreach (var part in PathParts.Of(value, sinks))
            {
                AddEdge(part, target);
            }
        }

        // A helper's parameters are not followed into its result, even through its locals: GetAbsolutePath(x) is
        // taken apart where it is called, so the data and the model paths it builds for different callers stay apart.
        void ConnectReturn(IOperation returned, ISymbol method, IOperation body)
        {
            var seen = new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default);
            var pending = new Stack<IOperation>();
            pending.Push(returned);
            while (pending.Count > 0)
            {
                foreach (var part in PathParts.Of(pending.Pop(), sinks))
                {
                    switch (part)
                    {
                        case IParameterSymbol:
                            break;
                        case ILocalSymbol local when seen.Add(local):
                            var assigned = body.ValuesAssignedTo(local).ToList();
                            if (!assigned.Any(value => PathParts.Of(value, sinks).Any(p => p is IParameterSymbol)))
                            {
                                AddEdge(local, method);
                            }

                            assigned.ForEach(pending.Push);
                            break;
                        case ILocalSymbol:
                            break;
                        default:
                            AddEdge(part, method);
                            break;
                    }
                }
            }
        }
    }

    private sealed class TypeFlow
    {
        public TypeFlow(ImmutableHashSet<ISymbol> notData, ImmutableHashSet<string> writtenPaths, ImmutableHashSet<string> modelFiles)
        {
            NotData = notData;
            WrittenPaths = writtenPaths;
            ModelFiles = modelFiles;
        }

        public ImmutableHashSet<ISymbol> NotData { get; }

        /// <summary>Whole paths the type writes, saves or loads as a model.</summary>
        public ImmutableHashSet<string> WrittenPaths { get; }

        /// <summary>File names the type combines with a model's folder.</summary>
        public ImmutableHashSet<string> ModelFiles { get; }
    }
}

using Lockstep.Analyzers.Flow;
using Lockstep.Analyzers.Symbols;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Lockstep.Analyzers.Rules;

/// <summary>
/// LS3002: <c>Directory</c> or <c>DirectoryInfo</c> <c>Enumerate*</c>/<c>Get*</c> whose result is used without
/// being ordered: not passed (through order-keeping LINQ) to <c>OrderBy</c>/<c>Order</c>, not sorted with
/// <c>Array.Sort</c> or <c>List.Sort</c>, not only counted, and not only looped over to copy, move or delete each entry.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnorderedFileEnumerationAnalyzer : TrainingCodeAnalyzer
{
    /// <summary>Set when the entries are <c>FileSystemInfo</c>s (ordered by <c>FullName</c>), not path strings.</summary>
    public const string InfoProperty = "info";

    /// <summary>Set when the call returns an array, which the fix keeps with <c>.ToArray()</c>.</summary>
    public const string ArrayProperty = "array";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.UnorderedFileEnumeration);

    protected override void OnTrainingCompilationStart(CompilationStartAnalysisContext context)
    {
        var compilation = context.Compilation;
        var listings = SymbolSets.Methods(
                compilation, "System.IO.Directory",
                "EnumerateFiles", "GetFiles", "EnumerateDirectories", "GetDirectories", "EnumerateFileSystemEntries", "GetFileSystemEntries")
            .Union(SymbolSets.Methods(
                compilation, "System.IO.DirectoryInfo",
                "EnumerateFiles", "GetFiles", "EnumerateDirectories", "GetDirectories", "EnumerateFileSystemInfos", "GetFileSystemInfos"));
        if (listings.IsEmpty)
        {
            return;
        }

        var consumers = new Consumers(compilation);
        var fileSystemInfo = compilation.GetTypeByMetadataName("System.IO.FileSystemInfo");

        context.RegisterOperationAction(
            operation =>
            {
                var invocation = (IInvocationOperation)operation.Operation;
                if (!listings.ContainsMethod(invocation.TargetMethod) || consumers.OrdersOrOnlyCounts(invocation))
                {
                    return;
                }

                var returnType = invocation.TargetMethod.ReturnType;
                var element = returnType is IArrayTypeSymbol array ? array.ElementType : (returnType as INamedTypeSymbol)?.TypeArguments.FirstOrDefault();
                var properties = ImmutableDictionary<string, string?>.Empty;
                if (element.DerivesFrom(fileSystemInfo))
                {
                    properties = properties.Add(InfoProperty, "true");
                }

                if (returnType is IArrayTypeSymbol)
                {
                    properties = properties.Add(ArrayProperty, "true");
                }

                var name = invocation.TargetMethod.ContainingType.Name + "." + invocation.TargetMethod.Name;
                operation.ReportDiagnostic(Diagnostic.Create(Descriptors.UnorderedFileEnumeration, invocation.Syntax.GetLocation(), properties, name));
            },
            OperationKind.Invocation);
    }

    /// <summary>What happens to a listing after the call.</summary>
    private sealed class Consumers(Compilation compilation)
    {
        private readonly ImmutableHashSet<IMethodSymbol> orderings = SymbolSets.Methods(
                compilation, "System.Linq.Enumerable", "Order", "OrderBy", "OrderDescending", "OrderByDescending")
            .Union(SymbolSets.Methods(compilation, "System.Array", "Sort"))
            .Union(SymbolSets.Methods(compilation, "System.Collections.Generic.List`1", "Sort"));

        private readonly ImmutableHashSet<IMethodSymbol> counts = SymbolSets.Methods(
            compilation, "System.Linq.Enumerable", "Count", "LongCount", "Any", "All", "Contains", "Sum", "Max", "Min");

        private readonly ImmutableHashSet<ISymbol> sizes = new[]
            {
                SymbolSets.Member(compilation.GetTypeByMetadataName("System.Array"), "Length"),
                SymbolSets.Member(compilation.GetTypeByMetadataName("System.Array"), "LongLength"),
                SymbolSets.Member(compilation.GetTypeByMetadataName("System.Collections.Generic.List`1"), "Count"),
            }
            .OfType<ISymbol>()
            .ToImmutableHashSet(SymbolEqualityComparer.Default);

        private readonly INamedTypeSymbol? enumerable = compilation.GetTypeByMetadataName("System.Linq.Enumerable");

        private readonly ImmutableHashSet<IMethodSymbol> transfers = SymbolSets.Methods(compilation, "System.IO.File", "Copy", "Move", "Delete")
            .Union(SymbolSets.Methods(compilation, "System.IO.Directory", "Move", "Delete"));

        // A loop whose body only calls these handles each entry on its own: copying, moving or deleting files.
        private readonly ImmutableHashSet<INamedTypeSymbol> perEntry = new[]
            {
                compilation.GetTypeByMetadataName("System.IO.File"),
                compilation.GetTypeByMetadataName("System.IO.Directory"),
                compilation.GetTypeByMetadataName("System.IO.Path"),
                compilation.GetTypeByMetadataName("System.Console"),
            }
            .OfType<INamedTypeSymbol>()
            .ToImmutableHashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);

        public bool OrdersOrOnlyCounts(IOperation listing)
        {
            var operation = listing;
            while (true)
            {
                var parent = operation.Parent;
                switch (parent)
                {
                    case IConversionOperation:
                        operation = parent;
                        continue;
                    case IPropertyReferenceOperation size when sizes.Contains(size.Property.OriginalDefinition):
                        return true;
                    case IArgumentOperation { Parent: IInvocationOperation invocation }:
                        if (orderings.ContainsMethod(invocation.TargetMethod) || counts.ContainsMethod(invocation.TargetMethod))
                        {
                            return true;
                        }

                        // Where, Select, Skip, ToList … keep the order: what happens after them decides.
                        if (SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, enumerable))
                        {
                            operation = invocation;
                            continue;
                        }

                        return false;
                    case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                        return IsSortedLater(declarator.Symbol, parent.Root());
                    case IForEachLoopOperation loop when loop.Collection == operation:
                        return HandlesEachEntryAlone(loop);
                    default:
                        return false;
                }
            }
        }

        // foreach (var file in Directory.GetFiles(dir)) File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        // Nothing carries over from one entry to the next: only file-system calls, and no store outside the loop.
        private bool HandlesEachEntryAlone(IForEachLoopOperation loop) =>
            TransfersEachEntry(loop) && OnlyFileSystemCalls(loop.Body, helpersToFollow: 1, voidCallsAllowed: true);

        // The loop copies, moves or deletes the entry it is on (File.Copy(file, …)): a per-entry transfer.
        private bool TransfersEachEntry(IForEachLoopOperation loop) =>
            loop.Body.Descendants().OfType<IInvocationOperation>().Any(invocation =>
                transfers.ContainsMethod(invocation.TargetMethod)
                && invocation.Arguments.Length > 0
                && invocation.Arguments[0].Value.WithoutConversions() is ILocalReferenceOperation entry
                && loop.Locals.Contains(entry.Local, SymbolEqualityComparer.Default));

        // Only file-system calls (also inside a void helper of the project, one level down), no store outside the body.
        // In a loop that transfers each entry, other calls whose result is not used are allowed too, except ones that collect or write.
        private bool OnlyFileSystemCalls(IOperation body, int helpersToFollow, bool voidCallsAllowed = false)
        {
            foreach (var operation in body.DescendantsAndSelf())
            {
                switch (operation)
                {
                    case IInvocationOperation invocation when !perEntry.Contains(invocation.TargetMethod.ContainingType)
                        && !IsFileSystemHelper(invocation.TargetMethod, invocation.SemanticModel, helpersToFollow)
                        && !(voidCallsAllowed && (invocation.TargetMethod.ReturnsVoid || invocation.Parent is IExpressionStatementOperation) && !Collects(invocation.TargetMethod)):
                    case IObjectCreationOperation or IReturnOperation { ReturnedValue: not null } or IBranchOperation { BranchKind: BranchKind.Break }:
                    case IAssignmentOperation { Target: not ILocalReferenceOperation }:
                    case IAssignmentOperation { Target: ILocalReferenceOperation target } when !body.Descendants().OfType<IVariableDeclaratorOperation>().Any(d => SymbolEqualityComparer.Default.Equals(d.Symbol, target.Local)):
                    case IIncrementOrDecrementOperation:
                        return false;
                }
            }

            return true;
        }

        private static bool Collects(IMethodSymbol method) =>
            method.Name.StartsWith("Add", StringComparison.Ordinal) || method.Name.StartsWith("Insert", StringComparison.Ordinal)
            || method.Name.StartsWith("Write", StringComparison.Ordinal) || method.Name.StartsWith("Append", StringComparison.Ordinal)
            || method.Name is "Enqueue" or "Push" or "Set" or "Put";

        private bool IsFileSystemHelper(IMethodSymbol method, SemanticModel? known, int helpersToFollow) =>
            helpersToFollow > 0 && method.ReturnsVoid
            && TypeBodies.OfMethod(method, compilation, known, CancellationToken.None) is { } body
            && OnlyFileSystemCalls(body, helpersToFollow - 1);

        private bool IsSortedLater(ILocalSymbol local, IOperation root) =>
            root.Descendants().OfType<IInvocationOperation>().Any(invocation =>
                orderings.ContainsMethod(invocation.TargetMethod)
                && (IsLocal(invocation.Instance, local) || invocation.Arguments.Any(argument => IsLocal(argument.Value, local))));

        private static bool IsLocal(IOperation? operation, ILocalSymbol local) =>
            operation?.WithoutConversions() is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, local);
    }
}

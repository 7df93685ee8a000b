using Lockstep.Analyzers.Flow;
using Lockstep.Analyzers.Symbols;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Lockstep.Analyzers.Rules;

/// <summary>
/// LS3002: <c>Directory</c> or <c>DirectoryInfo</c> <c>Enumerate*</c>/<c>Get*</c> whose result is used without
/// being ordered: not passed (through order-keeping LINQ) to <c>OrderBy</c>/<c>Order</c>, not sorted with
/// <c>Array.Sort</c> or <c>List.Sort</c>, and not only counted.
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
                    default:
                        return false;
                }
            }
        }

        private bool IsSortedLater(ILocalSymbol local, IOperation root) =>
            root.Descendants().OfType<IInvocationOperation>().Any(invocation =>
                orderings.ContainsMethod(invocation.TargetMethod)
                && (IsLocal(invocation.Instance, local) || invocation.Arguments.Any(argument => IsLocal(argument.Value, local))));

        private static bool IsLocal(IOperation? operation, ILocalSymbol local) =>
            operation?.WithoutConversions() is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, local);
    }
}

using Lockstep.Analyzers.Symbols;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Lockstep.Analyzers.Rules;

/// <summary>
/// LS3001: <c>string.GetHashCode()</c>, <c>StringComparer.GetHashCode(string)</c> or <c>System.HashCode</c> used
/// outside a <c>GetHashCode</c> implementation, where their value is data (a bucket, a split, a stored key) rather
/// than an in-process hash table's business.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ProcessRandomizedHashAnalyzer : TrainingCodeAnalyzer
{
    /// <summary>Set when the call is <c>s.GetHashCode()</c> on a string, which the fix rewrites to <c>StableHash.Of(s)</c>.</summary>
    public const string StringHashProperty = "stringHash";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.ProcessRandomizedHash);

    protected override void OnTrainingCompilationStart(CompilationStartAnalysisContext context)
    {
        var compilation = context.Compilation;
        var stringType = compilation.GetSpecialType(SpecialType.System_String);
        var stringHash = SymbolSets.Methods([stringType], "GetHashCode");
        var hashes = stringHash
            .Union(SymbolSets.Methods(compilation, "System.StringComparer", "GetHashCode").Where(method => method.Parameters.Length == 1))
            .Union(SymbolSets.Methods(compilation, "System.HashCode", "Combine", "ToHashCode"));
        var objectGetHashCode = compilation.GetSpecialType(SpecialType.System_Object).GetMembers("GetHashCode").OfType<IMethodSymbol>().FirstOrDefault();
        var comparers = ImmutableArray.Create(
            compilation.GetTypeByMetadataName("System.Collections.Generic.IEqualityComparer`1"),
            compilation.GetTypeByMetadataName("System.Collections.IEqualityComparer"));

        context.RegisterOperationAction(
            operation =>
            {
                var invocation = (IInvocationOperation)operation.Operation;
                var method = invocation.TargetMethod;
                if (!hashes.ContainsMethod(method) || IsHashImplementation(operation.ContainingSymbol, objectGetHashCode, comparers))
                {
                    return;
                }

                var isStringHash = !method.IsStatic && method.Parameters.IsEmpty && SymbolEqualityComparer.Default.Equals(method.ContainingType, stringType);
                var properties = isStringHash
                    ? ImmutableDictionary<string, string?>.Empty.Add(StringHashProperty, "true")
                    : ImmutableDictionary<string, string?>.Empty;
                var name = method.ContainingType.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat) + "." + method.Name + "()";
                operation.ReportDiagnostic(Diagnostic.Create(Descriptors.ProcessRandomizedHash, invocation.Syntax.GetLocation(), properties, name));
            },
            OperationKind.Invocation);
    }

    // An override of object.GetHashCode or an IEqualityComparer's GetHashCode: hashing for a hash table is fine.
    private static bool IsHashImplementation(ISymbol containingSymbol, IMethodSymbol? objectGetHashCode, ImmutableArray<INamedTypeSymbol?> comparers)
    {
        if (containingSymbol is not IMethodSymbol method)
        {
            return false;
        }

        for (var current = method; current is not null; current = current.OverriddenMethod)
        {
            if (SymbolEqualityComparer.Default.Equals(current, objectGetHashCode))
            {
                return true;
            }
        }

        foreach (var contract in method.ContainingType.AllInterfaces)
        {
            if (!comparers.Contains(contract.OriginalDefinition, SymbolEqualityComparer.Default))
            {
                continue;
            }

            foreach (var member in contract.GetMembers("GetHashCode"))
            {
                if (SymbolEqualityComparer.Default.Equals(method.ContainingType.FindImplementationForInterfaceMember(member), method))
                {
                    return true;
                }
            }
        }

        return false;
    }
}

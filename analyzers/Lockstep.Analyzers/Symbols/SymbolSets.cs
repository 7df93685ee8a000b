using Microsoft.CodeAnalysis;

namespace Lockstep.Analyzers.Symbols;

/// <summary>Sets of symbols resolved from the compilation, so that rules compare symbols, never names in the source.</summary>
internal static class SymbolSets
{
    /// <summary>The methods of the given names declared on the given types (those that exist).</summary>
    public static ImmutableHashSet<IMethodSymbol> Methods(IEnumerable<INamedTypeSymbol?> types, params string[] names)
    {
        var builder = ImmutableHashSet.CreateBuilder<IMethodSymbol>(SymbolEqualityComparer.Default);
        foreach (var type in types)
        {
            if (type is null)
            {
                continue;
            }

            foreach (var name in names)
            {
                builder.UnionWith(type.GetMembers(name).OfType<IMethodSymbol>());
            }
        }

        return builder.ToImmutable();
    }

    /// <summary>The methods of the given names declared on the type of that metadata name.</summary>
    public static ImmutableHashSet<IMethodSymbol> Methods(Compilation compilation, string typeMetadataName, params string[] names) =>
        Methods([compilation.GetTypeByMetadataName(typeMetadataName)], names);

    /// <summary>The first member of that name declared on the type, or null.</summary>
    public static ISymbol? Member(INamedTypeSymbol? type, string name) => type?.GetMembers(name).FirstOrDefault();

    /// <summary>True when the type is <paramref name="baseType"/> or derives from it (generic bases compared by definition).</summary>
    public static bool DerivesFrom(this ITypeSymbol? type, INamedTypeSymbol? baseType)
    {
        if (baseType is null)
        {
            return false;
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, baseType))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when the method is in the set, comparing generic and reduced extension methods by definition.</summary>
    public static bool ContainsMethod(this ImmutableHashSet<IMethodSymbol> set, IMethodSymbol method) =>
        set.Contains(method) || set.Contains(method.OriginalDefinition) || (method.ReducedFrom is { } reduced && set.Contains(reduced.OriginalDefinition));

    /// <summary>
    /// True when the symbol is declared in the compilation being analyzed, not in a referenced assembly or project
    /// (the IDE holds a referenced project as source of another compilation).
    /// </summary>
    public static bool IsDeclaredIn(this ISymbol symbol, Compilation compilation) =>
        SymbolEqualityComparer.Default.Equals(symbol.ContainingAssembly, compilation.Assembly);
}

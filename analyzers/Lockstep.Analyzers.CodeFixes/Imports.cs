using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Lockstep.Analyzers.CodeFixes;

/// <summary>A namespace a fix's code needs, and a type in it that shows whether it is already imported.</summary>
internal readonly struct Import(string ns, string probeType)
{
    public static readonly Import LockstepSdk = new("Lockstep.Sdk", "TrainingRun");
    public static readonly Import System = new("System", "StringComparer");
    public static readonly Import SystemLinq = new("System.Linq", "Enumerable");

    public string Namespace { get; } = ns;

    public string ProbeType { get; } = probeType;

    /// <summary>
    /// Adds a using directive for each import whose probe type does not already bind at <paramref name="position"/>
    /// (global and implicit usings count), keeping System namespaces first and the rest in order.
    /// </summary>
    public static SyntaxNode AddMissing(SyntaxNode root, SemanticModel model, int position, IEnumerable<Import> imports)
    {
        if (root is not CompilationUnitSyntax unit)
        {
            return root;
        }

        foreach (var import in imports)
        {
            if (import.IsVisible(model, position) || unit.Usings.Any(u => u.Alias is null && u.StaticKeyword.IsKind(SyntaxKind.None) && u.Name?.ToString() == import.Namespace))
            {
                continue;
            }

            unit = Insert(unit, import.Namespace);
        }

        return unit;
    }

    private bool IsVisible(SemanticModel model, int position)
    {
        var ns = Namespace;
        return model.LookupNamespacesAndTypes(position, name: ProbeType).Any(symbol => symbol.ContainingNamespace?.ToDisplayString() == ns);
    }

    private static CompilationUnitSyntax Insert(CompilationUnitSyntax unit, string ns)
    {
        var endOfLine = unit.DescendantTrivia().FirstOrDefault(trivia => trivia.IsKind(SyntaxKind.EndOfLineTrivia));
        var eol = endOfLine.IsKind(SyntaxKind.EndOfLineTrivia) ? endOfLine : SyntaxFactory.EndOfLine("\n");
        var directive = SyntaxFactory.UsingDirective(SyntaxFactory.ParseName(ns)).NormalizeWhitespace().WithTrailingTrivia(eol);
        if (unit.Usings.Count == 0)
        {
            return unit.WithUsings(SyntaxFactory.SingletonList(directive.WithTrailingTrivia(eol, eol)));
        }

        var index = 0;
        while (index < unit.Usings.Count && Compare(unit.Usings[index].Name?.ToString() ?? string.Empty, ns) < 0)
        {
            index++;
        }

        return unit.WithUsings(unit.Usings.Insert(index, directive));
    }

    private static int Compare(string a, string b)
    {
        var aSystem = a == "System" || a.StartsWith("System.", StringComparison.Ordinal);
        var bSystem = b == "System" || b.StartsWith("System.", StringComparison.Ordinal);
        return aSystem != bSystem ? (aSystem ? -1 : 1) : string.CompareOrdinal(a, b);
    }
}

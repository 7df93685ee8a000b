using System.Composition;
using System.Threading;
using Lockstep.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Lockstep.Analyzers.CodeFixes.Rules;

/// <summary>
/// LS3002: appends <c>.OrderBy(p =&gt; p, StringComparer.Ordinal)</c> to a directory listing (<c>f =&gt; f.FullName</c>
/// for <c>FileSystemInfo</c>s), and <c>.ToArray()</c> when the listing was an array, so its type does not change.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(OrderedEnumerationFixer)), Shared]
public sealed class OrderedEnumerationFixer : RewriteFixer
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.UnorderedFileEnumeration);

    protected override string Title => "Order by ordinal path";

    private protected override ImmutableArray<Import> Imports { get; } = ImmutableArray.Create(Import.System, Import.SystemLinq);

    private protected override Rewrite? Plan(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (NodeAt(root, diagnostic) is not InvocationExpressionSyntax listing)
        {
            return null;
        }

        var key = diagnostic.Properties.ContainsKey(UnorderedFileEnumerationAnalyzer.InfoProperty) ? "f => f.FullName" : "p => p";
        var toArray = diagnostic.Properties.ContainsKey(UnorderedFileEnumerationAnalyzer.ArrayProperty) ? ".ToArray()" : string.Empty;
        return new Rewrite(
            listing,
            current => SyntaxFactory.ParseExpression($"{current.WithoutTrivia()}.OrderBy({key}, StringComparer.Ordinal){toArray}"));
    }
}

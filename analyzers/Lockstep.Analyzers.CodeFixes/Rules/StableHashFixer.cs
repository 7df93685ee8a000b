using System.Composition;
using System.Threading;
using Lockstep.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Lockstep.Analyzers.CodeFixes.Rules;

/// <summary>
/// LS3001: <c>s.GetHashCode()</c> → <c>StableHash.Of(s)</c>, and the bucket idiom
/// <c>Math.Abs(s.GetHashCode()) % n</c> (with or without <c>Math.Abs</c>) → <c>StableHash.Bucket(s, n)</c>.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(StableHashFixer)), Shared]
public sealed class StableHashFixer : RewriteFixer
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.ProcessRandomizedHash);

    protected override string Title => "Use StableHash";

    private protected override ImmutableArray<Import> Imports { get; } = ImmutableArray.Create(Import.LockstepSdk);

    private protected override Rewrite? Plan(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (!diagnostic.Properties.ContainsKey(ProcessRandomizedHashAnalyzer.StringHashProperty)
            || NodeAt(root, diagnostic) is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Expression: var value } } hash)
        {
            return null;
        }

        var math = model.Compilation.GetTypeByMetadataName("System.Math");
        SyntaxNode top = hash;
        ExpressionSyntax? buckets = null;
        while (true)
        {
            switch (top.Parent)
            {
                case ParenthesizedExpressionSyntax parenthesized:
                    top = parenthesized;
                    continue;
                case ArgumentSyntax { Parent: ArgumentListSyntax { Arguments.Count: 1, Parent: InvocationExpressionSyntax abs } }
                    when SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(abs, cancellationToken).Symbol?.ContainingType, math):
                    top = abs;
                    continue;
                case BinaryExpressionSyntax remainder when buckets is null && remainder.IsKind(SyntaxKind.ModuloExpression) && remainder.Left == top:
                    buckets = remainder.Right;
                    top = remainder;
                    continue;
            }

            break;
        }

        var arguments = buckets is null ? value.WithoutTrivia().ToString() : value.WithoutTrivia() + ", " + buckets.WithoutTrivia();
        var text = buckets is null ? $"StableHash.Of({arguments})" : $"StableHash.Bucket({arguments})";
        return new Rewrite(top, _ => SyntaxFactory.ParseExpression(text));
    }
}

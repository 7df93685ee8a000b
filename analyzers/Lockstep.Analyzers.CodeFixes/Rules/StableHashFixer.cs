using System.Composition;
using System.Threading;
using Lockstep.Analyzers.Rules;
using Lockstep.Analyzers.Symbols;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Lockstep.Analyzers.CodeFixes.Rules;

/// <summary>
/// LS3001: <c>s.GetHashCode()</c> → <c>StableHash.Of(s)</c>, and the bucket idiom
/// <c>Math.Abs(s.GetHashCode()) % n</c> (with or without <c>Math.Abs</c>) → <c>StableHash.Bucket(s, n)</c>. Where the
/// hash is used as an <c>int</c>, the <c>int</c> stays: <c>unchecked((int)StableHash.Of(s))</c>, and
/// <c>StableHash.Bucket(s, int.MaxValue)</c> for <c>Math.Abs(s.GetHashCode())</c>, which is never negative.
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

        var abs = SymbolSets.Methods(model.Compilation, "System.Math", "Abs");
        SyntaxNode top = hash;
        ExpressionSyntax? buckets = null;
        var absolute = false;
        while (true)
        {
            switch (top.Parent)
            {
                case ParenthesizedExpressionSyntax parenthesized:
                    top = parenthesized;
                    continue;
                case ArgumentSyntax { Parent: ArgumentListSyntax { Arguments.Count: 1, Parent: InvocationExpressionSyntax call } }
                    when model.GetSymbolInfo(call, cancellationToken).Symbol is IMethodSymbol method && abs.ContainsMethod(method):
                    top = call;
                    absolute = true;
                    continue;
                case BinaryExpressionSyntax remainder
                    when buckets is null && remainder.IsKind(SyntaxKind.ModuloExpression) && remainder.Left == top
                        && model.GetTypeInfo(remainder, cancellationToken).Type?.SpecialType == SpecialType.System_Int32:
                    buckets = remainder.Right;
                    top = remainder;
                    continue;
            }

            break;
        }

        var subject = value.WithoutTrivia().ToString();
        var text = buckets is not null ? $"StableHash.Bucket({subject}, {buckets.WithoutTrivia()})"
            : TakesUlong(top, model, cancellationToken) ? $"StableHash.Of({subject})"
            : absolute ? $"StableHash.Bucket({subject}, int.MaxValue)"
            : $"unchecked((int)StableHash.Of({subject}))";
        return new Rewrite(top, _ => SyntaxFactory.ParseExpression(text));
    }

    // Where the int was cast, discarded or converted to a type ulong converts to as well, the ulong hash fits as it is.
    private static bool TakesUlong(SyntaxNode expression, SemanticModel model, CancellationToken cancellationToken)
    {
        if (expression.Parent is CastExpressionSyntax or ExpressionStatementSyntax)
        {
            return true;
        }

        var converted = model.GetTypeInfo(expression, cancellationToken).ConvertedType;
        return converted is null || model.Compilation.ClassifyCommonConversion(model.Compilation.GetSpecialType(SpecialType.System_UInt64), converted).IsImplicit;
    }
}

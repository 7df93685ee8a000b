using System.Composition;
using System.Threading;
using Lockstep.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Lockstep.Analyzers.CodeFixes.Rules;

/// <summary>LS2001: <c>"data/train.csv"</c> → <c>DataLock.Path("data/train.csv")</c>, which verifies the file against its pin.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DataLockPathFixer)), Shared]
public sealed class DataLockPathFixer : RewriteFixer
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.UnpinnedDataPath);

    protected override string Title => "Read it through DataLock.Path";

    private protected override ImmutableArray<Import> Imports { get; } = ImmutableArray.Create(Import.LockstepSdk);

    private protected override Rewrite? Plan(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (!diagnostic.Properties.ContainsKey(DataPathAnalyzer.FixableProperty) || NodeAt(root, diagnostic) is not LiteralExpressionSyntax literal)
        {
            return null;
        }

        return new Rewrite(
            literal,
            current => SyntaxFactory.InvocationExpression(
                SyntaxFactory.ParseExpression("DataLock.Path"),
                SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument((ExpressionSyntax)current.WithoutTrivia())))));
    }
}

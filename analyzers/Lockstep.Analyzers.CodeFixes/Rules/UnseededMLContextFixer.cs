using System.Composition;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Lockstep.Analyzers.CodeFixes.Rules;

/// <summary>LS1003: <c>new MLContext()</c> → <c>new MLContext(seed: TrainingRun.Seed)</c>.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UnseededMLContextFixer)), Shared]
public sealed class UnseededMLContextFixer : RewriteFixer
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.UnseededMLContext);

    protected override string Title => "Seed the MLContext with TrainingRun.Seed";

    private protected override ImmutableArray<Import> Imports { get; } = ImmutableArray.Create(Import.LockstepSdk);

    private protected override Rewrite? Plan(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken) =>
        NodeAt(root, diagnostic) is BaseObjectCreationExpressionSyntax creation
            ? new Rewrite(creation, current => ((BaseObjectCreationExpressionSyntax)current).WithArgumentList(SyntaxFactory.ParseArgumentList("(seed: TrainingRun.Seed)")))
            : null;
}

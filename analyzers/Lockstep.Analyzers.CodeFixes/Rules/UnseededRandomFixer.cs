using System.Composition;
using System.Threading;
using Lockstep.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Lockstep.Analyzers.CodeFixes.Rules;

/// <summary>LS1001: <c>new Random()</c> → <c>TrainingRun.Random("&lt;name&gt;")</c>, named after the variable it is stored in.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UnseededRandomFixer)), Shared]
public sealed class UnseededRandomFixer : RewriteFixer
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.UnseededRandom);

    protected override string Title => "Use TrainingRun.Random";

    private protected override ImmutableArray<Import> Imports { get; } = ImmutableArray.Create(Import.LockstepSdk);

    private protected override Rewrite? Plan(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (NodeAt(root, diagnostic) is not BaseObjectCreationExpressionSyntax creation
            || !diagnostic.Properties.TryGetValue(UnseededRandomAnalyzer.StreamProperty, out var stream) || stream is null)
        {
            return null;
        }

        var literal = SyntaxFactory.Literal(stream).Text;
        return new Rewrite(creation, _ => SyntaxFactory.ParseExpression($"TrainingRun.Random({literal})"));
    }
}

using System.Composition;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Lockstep.Analyzers.CodeFixes.Rules;

/// <summary>
/// LS1005 and LS1007: passes <c>seed: TrainingRun.Seed</c> to the split, shuffle or DataLoader — replacing a
/// <c>null</c> seed argument, or adding the named argument.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MissingSeedArgumentFixer)), Shared]
public sealed class MissingSeedArgumentFixer : RewriteFixer
{
    private const string SeedParameter = "seed";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.UnseededSplit, RuleIdentifiers.UnseededDataLoader);

    protected override string Title => "Pass seed: TrainingRun.Seed";

    private protected override ImmutableArray<Import> Imports { get; } = ImmutableArray.Create(Import.LockstepSdk);

    private protected override Rewrite? Plan(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var call = NodeAt(root, diagnostic);
        var (operation, argumentList) = call switch
        {
            InvocationExpressionSyntax invocation => (model.GetOperation(invocation, cancellationToken), invocation.ArgumentList),
            BaseObjectCreationExpressionSyntax creation => (model.GetOperation(creation, cancellationToken), creation.ArgumentList),
            _ => (null, null),
        };
        var arguments = operation switch
        {
            IInvocationOperation invocation => invocation.Arguments,
            IObjectCreationOperation creation => creation.Arguments,
            _ => ImmutableArray<IArgumentOperation>.Empty,
        };
        if (argumentList is null || arguments.FirstOrDefault(argument => argument.Parameter?.Name == SeedParameter) is not { } seed)
        {
            return null;
        }

        if (!seed.IsImplicit && seed.Syntax is ArgumentSyntax written)
        {
            return new Rewrite(written.Expression, _ => SyntaxFactory.ParseExpression("TrainingRun.Seed"));
        }

        return new Rewrite(argumentList, current => WithSeed((ArgumentListSyntax)current));
    }

    private static ArgumentListSyntax WithSeed(ArgumentListSyntax list)
    {
        var seed = SyntaxFactory.ParseArgumentList("(seed: TrainingRun.Seed)").Arguments[0];
        if (list.Arguments.Count == 0)
        {
            return list.WithArguments(SyntaxFactory.SingletonSeparatedList(seed));
        }

        var comma = SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(SyntaxFactory.Space);
        return list.WithArguments(SyntaxFactory.SeparatedList<ArgumentSyntax>(list.Arguments.GetWithSeparators().Add(comma).Add(seed)));
    }
}

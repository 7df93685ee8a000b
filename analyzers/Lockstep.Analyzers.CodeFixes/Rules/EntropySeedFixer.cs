using System.Composition;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Lockstep.Analyzers.CodeFixes.Rules;

/// <summary>LS1004: a seed from the clock or entropy → <c>TrainingRun.Seed</c> (cast when the seed is not an int or wider).</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(EntropySeedFixer)), Shared]
public sealed class EntropySeedFixer : RewriteFixer
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.EntropySeed);

    protected override string Title => "Use TrainingRun.Seed";

    private protected override ImmutableArray<Import> Imports { get; } = ImmutableArray.Create(Import.LockstepSdk);

    private protected override Rewrite? Plan(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (NodeAt(root, diagnostic) is not ExpressionSyntax seed)
        {
            return null;
        }

        var type = model.GetTypeInfo(seed, cancellationToken).ConvertedType;
        var text = TakesAnInt(type) || type is null
            ? "TrainingRun.Seed"
            : $"({type.ToMinimalDisplayString(model, seed.SpanStart)})TrainingRun.Seed";
        return new Rewrite(seed, _ => SyntaxFactory.ParseExpression(text));
    }

    private static bool TakesAnInt(ITypeSymbol? type)
    {
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            type = nullable.TypeArguments[0];
        }

        return type?.SpecialType is SpecialType.System_Int32 or SpecialType.System_Int64 or SpecialType.System_Single
            or SpecialType.System_Double or SpecialType.System_Decimal or SpecialType.System_Object;
    }
}

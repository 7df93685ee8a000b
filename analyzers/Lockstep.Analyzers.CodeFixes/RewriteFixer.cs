using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace Lockstep.Analyzers.CodeFixes;

/// <summary>
/// The base of the fixes: each plans one <see cref="Rewrite"/> per diagnostic; a document's rewrites are applied
/// together (so Fix All is one pass per document) and the usings they need are added once.
/// </summary>
public abstract class RewriteFixer : CodeFixProvider
{
    /// <summary>The title shown in the light bulb.</summary>
    protected abstract string Title { get; }

    /// <summary>The namespaces the rewritten code needs.</summary>
    private protected abstract ImmutableArray<Import> Imports { get; }

    public sealed override FixAllProvider GetFixAllProvider() =>
        FixAllProvider.Create(async (context, document, diagnostics) => await FixAsync(document, diagnostics, context.CancellationToken).ConfigureAwait(false));

    public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (Plan(root, model, diagnostic, context.CancellationToken) is not null)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(Title, token => FixAsync(context.Document, ImmutableArray.Create(diagnostic), token), equivalenceKey: GetType().Name),
                    diagnostic);
            }
        }
    }

    /// <summary>The edit that fixes the diagnostic, or null when this one cannot be fixed mechanically.</summary>
    private protected abstract Rewrite? Plan(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken);

    /// <summary>The node the diagnostic is reported on (the innermost node with its exact span).</summary>
    private protected static SyntaxNode NodeAt(SyntaxNode root, Diagnostic diagnostic) =>
        root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);

    private async Task<Document> FixAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return document;
        }

        var rewrites = new Dictionary<SyntaxNode, Rewrite>();
        foreach (var diagnostic in diagnostics)
        {
            if (Plan(root, model, diagnostic, cancellationToken) is { } rewrite)
            {
                rewrites[rewrite.Node] = rewrite;
            }
        }

        if (rewrites.Count == 0)
        {
            return document;
        }

        var position = rewrites.Keys.Min(node => node.SpanStart);
        var rewritten = root.ReplaceNodes(rewrites.Keys, (original, current) => rewrites[original].Replace(current).WithTriviaFrom(current));
        return document.WithSyntaxRoot(Import.AddMissing(rewritten, model, position, Imports));
    }
}

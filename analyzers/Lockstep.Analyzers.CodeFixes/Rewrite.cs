using Microsoft.CodeAnalysis;

namespace Lockstep.Analyzers.CodeFixes;

/// <summary>One planned edit: the node a diagnostic's fix replaces, and how to build its replacement.</summary>
internal sealed class Rewrite(SyntaxNode node, Func<SyntaxNode, SyntaxNode> replace)
{
    public SyntaxNode Node { get; } = node;

    /// <summary>Builds the replacement from the node as it is after the edits inside it.</summary>
    public Func<SyntaxNode, SyntaxNode> Replace { get; } = replace;
}

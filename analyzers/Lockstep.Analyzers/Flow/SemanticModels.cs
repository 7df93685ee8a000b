using Microsoft.CodeAnalysis;

namespace Lockstep.Analyzers.Flow;

/// <summary>
/// The semantic model of a tree for a rule that looks beyond the operation it was called for. The analyzer driver's
/// own model (<see cref="IOperation.SemanticModel"/>) has that tree's bodies bound already; a new one binds them again,
/// which costs a full pass over every method. So the driver's is taken whenever the tree is the same, and a new one
/// only for a partial type's other files or another class's file.
/// </summary>
internal static class SemanticModels
{
    public static SemanticModel For(SyntaxTree tree, SemanticModel? known, Compilation compilation) =>
        known is not null && known.SyntaxTree == tree
            ? known
#pragma warning disable RS1030 // Only for another file than the one being analyzed, once per type or method.
            : compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
}

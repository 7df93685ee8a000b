using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Lockstep.Analyzers.Symbols;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Lockstep.Analyzers.Flow;

/// <summary>Every operation tree of a type, for the rules that follow a value beyond one method.</summary>
internal static class TypeBodies
{
    /// <summary>
    /// The operation tree of a method declared once in this compilation (a constructor, an ordinary or a local
    /// method), or null: declared elsewhere, partial, or without a body.
    /// </summary>
    public static IOperation? OfMethod(IMethodSymbol method, Compilation compilation, SemanticModel? known, CancellationToken cancellationToken)
    {
        if (!method.IsDeclaredIn(compilation) || method.DeclaringSyntaxReferences.Length != 1)
        {
            return null;
        }

        var syntax = method.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken);
        return SemanticModels.For(syntax.SyntaxTree, known, compilation).GetOperation(syntax, cancellationToken);
    }

    /// <summary>The operation trees of the type's members: method and accessor bodies, initializers, top-level statements.</summary>
    public static IEnumerable<(IOperation Body, ISymbol Member)> Of(INamedTypeSymbol type, Compilation compilation, SemanticModel? known, CancellationToken cancellationToken)
    {
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            var syntax = reference.GetSyntax(cancellationToken);
            var model = SemanticModels.For(syntax.SyntaxTree, known, compilation);
            var roots = syntax switch
            {
                TypeDeclarationSyntax declaration => MemberRoots(declaration),
                CompilationUnitSyntax unit => unit.Members.OfType<GlobalStatementSyntax>().Take(1).Select(statement => (SyntaxNode)statement.Statement),
                _ => [],
            };
            foreach (var root in roots)
            {
                if (model.GetOperation(root, cancellationToken) is not { } operation)
                {
                    continue;
                }

                var body = syntax is CompilationUnitSyntax ? operation.Root() : operation;
                var member = body.SemanticModel is { } bodyModel && MemberSyntax(root) is { } memberSyntax
                    ? bodyModel.GetDeclaredSymbol(memberSyntax, cancellationToken) ?? type
                    : (ISymbol)type;
                if (syntax is CompilationUnitSyntax && model.GetEnclosingSymbol(root.SpanStart, cancellationToken) is { } main)
                {
                    member = main;
                }

                yield return (body, member);
            }
        }
    }

    private static IEnumerable<SyntaxNode> MemberRoots(TypeDeclarationSyntax declaration)
    {
        foreach (var member in declaration.Members)
        {
            switch (member)
            {
                case BaseMethodDeclarationSyntax method:
                    yield return method;
                    break;
                case BasePropertyDeclarationSyntax property:
                    if (property is PropertyDeclarationSyntax { Initializer: { } initializer })
                    {
                        yield return initializer;
                    }

                    if (property is PropertyDeclarationSyntax { ExpressionBody: { } arrow })
                    {
                        yield return arrow;
                    }

                    if (property is IndexerDeclarationSyntax { ExpressionBody: { } indexerArrow })
                    {
                        yield return indexerArrow;
                    }

                    foreach (var accessor in property.AccessorList?.Accessors ?? default)
                    {
                        yield return accessor;
                    }

                    break;
                case BaseFieldDeclarationSyntax field:
                    foreach (var variable in field.Declaration.Variables)
                    {
                        if (variable.Initializer is { } fieldInitializer)
                        {
                            yield return fieldInitializer;
                        }
                    }

                    break;
            }
        }
    }

    // The declaration whose symbol a root belongs to: a method, an accessor, or the property of an arrow body.
    private static SyntaxNode? MemberSyntax(SyntaxNode root) => root switch
    {
        BaseMethodDeclarationSyntax or AccessorDeclarationSyntax => root,
        ArrowExpressionClauseSyntax { Parent: BasePropertyDeclarationSyntax property } => property,
        _ => null,
    };
}

using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Lockstep.Analyzers.Data;

/// <summary>
/// Where a path literal goes, followed up the operation tree: straight into a call that does not read data
/// (<see cref="IsNotData"/>), or into the symbols that hold it — a local, field, property, parameter, or the
/// method that returns it — whose later uses <see cref="PathFlow"/> decides.
/// </summary>
internal readonly struct LiteralUse
{
    private LiteralUse(bool isNotData, IReadOnlyList<ISymbol> holders, IOperation value, bool isAddress = false, bool isWholePath = false)
    {
        Value = value;
        IsNotData = isNotData;
        Holders = holders;
        IsAddress = isAddress;
        IsWholePath = isWholePath;
    }

    /// <summary>The literal is the whole path where it goes, not a part of one built by combining or interpolating.</summary>
    public bool IsWholePath { get; }

    public bool IsNotData { get; }

    /// <summary>The value the literal is part of where the walk stopped: the literal, or the path built from it.</summary>
    public IOperation Value { get; }

    /// <summary>The literal is given where a URL, route or pattern is expected: not a local file, maybe remote data.</summary>
    public bool IsAddress { get; }

    /// <summary>The symbols the literal's value is stored in or passed to.</summary>
    public IReadOnlyList<ISymbol> Holders { get; }

    public static LiteralUse Of(IOperation literal, ISymbol containingSymbol, PathSinks sinks)
    {
        var holders = new List<ISymbol>();
        var whole = true;
        var operation = literal;
        while (operation.Parent is { } parent)
        {
            switch (parent)
            {
                case IInterpolatedStringTextOperation or IInterpolationOperation or IInterpolatedStringOperation:
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add, Type.SpecialType: SpecialType.System_String }:
                    whole = false;
                    operation = parent;
                    continue;
                case IConversionOperation:
                case ICoalesceOperation or IVariableInitializerOperation:
                case IConditionalOperation conditional when conditional.Condition != operation:
                // The elements of a params argument (an array, or a span's collection) that the compiler builds.
                case IArrayInitializerOperation or IArrayCreationOperation:
                case { IsImplicit: true, Parent: IArgumentOperation { ArgumentKind: not ArgumentKind.Explicit } }:
                    operation = parent;
                    continue;
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals }:
                case IPatternOperation or IPatternCaseClauseOperation or ISingleValueCaseClauseOperation:
                    return new LiteralUse(isNotData: true, holders, operation);
                case IArgumentOperation argument when Callee(argument) is { } callee:
                    var use = argument.Parameter is null ? PathUse.Unknown : sinks.Classify(callee, argument);
                    if (use is PathUse.Artifact or PathUse.NotRead)
                    {
                        return new LiteralUse(isNotData: true, holders, operation);
                    }

                    if (use == PathUse.Address)
                    {
                        return new LiteralUse(isNotData: false, holders, operation, isAddress: true);
                    }

                    if (argument.Parameter is { } parameter && sinks.IsInProject(callee))
                    {
                        holders.Add(parameter.OriginalDefinition);
                    }

                    if (use != PathUse.PassThrough)
                    {
                        return new LiteralUse(isNotData: false, holders, operation, isWholePath: whole);
                    }

                    // A stream opened on the path is still that whole file; Path.Combine and helpers make it a part.
                    whole &= sinks.IsStreamOpener(callee);
                    operation = argument.Parent!;
                    continue;
                case IInvocationOperation invocation when invocation.Instance == operation:
                    // "x.csv".EndsWith(…) and its kind: a string method called on the literal.
                    return new LiteralUse(isNotData: invocation.TargetMethod.ContainingType.SpecialType == SpecialType.System_String, holders, operation);
                case IVariableDeclaratorOperation declarator:
                    holders.Add(declarator.Symbol);
                    return new LiteralUse(isNotData: false, holders, operation, isWholePath: whole);
                case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property: var property } } when PathSinks.IsNotDataProperty(property):
                    return new LiteralUse(isNotData: true, holders, operation);
                case IInvalidOperation invalid when operation.Syntax.Parent is ArgumentSyntax:
                    // A call that did not bind (an argument of an unknown type, code being typed): what it may call decides.
                    return new LiteralUse(isNotData: sinks.AreAllNotData(CandidatesOf(invalid)), holders, operation);
                case ISimpleAssignmentOperation assignment when assignment.Value == operation:
                    if (PathFlow.Holder(assignment.Target) is { } target)
                    {
                        holders.Add(target);
                    }

                    return new LiteralUse(isNotData: false, holders, operation, isWholePath: whole);
                case IFieldInitializerOperation field:
                    holders.AddRange(field.InitializedFields);
                    return new LiteralUse(isNotData: false, holders, operation, isWholePath: whole);
                case IPropertyInitializerOperation property:
                    holders.AddRange(property.InitializedProperties);
                    return new LiteralUse(isNotData: false, holders, operation, isWholePath: whole);
                case IParameterInitializerOperation parameterDefault:
                    holders.Add(parameterDefault.Parameter.OriginalDefinition);
                    return new LiteralUse(isNotData: false, holders, operation, isWholePath: whole);
                case IReturnOperation @return:
                    if (PathFlow.ReturnHolder(@return, containingSymbol) is { } member)
                    {
                        holders.Add(member);
                    }

                    return new LiteralUse(isNotData: false, holders, operation, isWholePath: whole);
                default:
                    return new LiteralUse(isNotData: false, holders, operation, isWholePath: whole);
            }
        }

        return new LiteralUse(isNotData: false, holders, operation, isWholePath: whole);
    }

    private static ImmutableArray<ISymbol> CandidatesOf(IOperation invalid) =>
        invalid.SemanticModel is { } model && invalid.Syntax is InvocationExpressionSyntax or BaseObjectCreationExpressionSyntax
            ? model.GetSymbolInfo(invalid.Syntax).CandidateSymbols
            : ImmutableArray<ISymbol>.Empty;

    public static IMethodSymbol? Callee(IArgumentOperation argument) => argument.Parent switch
    {
        IInvocationOperation invocation => invocation.TargetMethod,
        IObjectCreationOperation { Constructor: { } constructor } => constructor,
        _ => null,
    };
}

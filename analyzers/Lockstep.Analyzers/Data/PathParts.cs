using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Lockstep.Analyzers.Data;

/// <summary>
/// What a path value is built from: the locals, fields, properties, parameters and methods of the project whose
/// values become part of it, through interpolation, concatenation, <c>?:</c>, <c>??</c> and the calls that pass a path
/// on (<see cref="PathUse.PassThrough"/>). <c>Path.Combine(ModelsFolder, name)</c> is built from both.
/// </summary>
internal static class PathParts
{
    private const int MaxOperations = 200;

    public static IEnumerable<ISymbol> Of(IOperation value, PathSinks sinks)
    {
        var pending = new Stack<IOperation>();
        pending.Push(value);
        var visited = 0;
        while (pending.Count > 0 && visited++ < MaxOperations)
        {
            switch (pending.Pop())
            {
                case IConversionOperation conversion:
                    pending.Push(conversion.Operand);
                    break;
                case IVariableInitializerOperation initializer:
                    pending.Push(initializer.Value);
                    break;
                case IInterpolatedStringOperation interpolated:
                    foreach (var part in interpolated.Parts)
                    {
                        if (part is IInterpolationOperation interpolation)
                        {
                            pending.Push(interpolation.Expression);
                        }
                    }

                    break;
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add, Type.SpecialType: SpecialType.System_String } concatenation:
                    pending.Push(concatenation.LeftOperand);
                    pending.Push(concatenation.RightOperand);
                    break;
                case IConditionalOperation conditional:
                    pending.Push(conditional.WhenTrue);
                    if (conditional.WhenFalse is { } whenFalse)
                    {
                        pending.Push(whenFalse);
                    }

                    break;
                case ICoalesceOperation coalesce:
                    pending.Push(coalesce.Value);
                    pending.Push(coalesce.WhenNull);
                    break;
                case IArrayCreationOperation { Initializer: { } initializer }:
                    foreach (var element in initializer.ElementValues)
                    {
                        pending.Push(element);
                    }

                    break;
                case ILocalReferenceOperation local:
                    yield return local.Local;
                    break;
                case IParameterReferenceOperation parameter:
                    yield return parameter.Parameter.OriginalDefinition;
                    break;
                case IFieldReferenceOperation field:
                    yield return field.Field.OriginalDefinition;
                    break;
                case IPropertyReferenceOperation property:
                    yield return property.Property.OriginalDefinition;
                    break;
                case IInvocationOperation invocation:
                    if (sinks.IsProjectHelper(invocation.TargetMethod))
                    {
                        yield return invocation.TargetMethod.OriginalDefinition;
                    }

                    PushPassedOn(invocation.TargetMethod, invocation.Arguments, sinks, pending);
                    break;
                case IObjectCreationOperation { Constructor: { } constructor } creation:
                    PushPassedOn(constructor, creation.Arguments, sinks, pending);
                    break;
            }
        }
    }

    private static void PushPassedOn(IMethodSymbol callee, ImmutableArray<IArgumentOperation> arguments, PathSinks sinks, Stack<IOperation> pending)
    {
        foreach (var argument in arguments)
        {
            if (argument.ArgumentKind != ArgumentKind.DefaultValue && sinks.Classify(callee, argument) == PathUse.PassThrough)
            {
                pending.Push(argument.Value);
            }
        }
    }
}

using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Lockstep.Analyzers.Flow;

/// <summary>Small walks over the operation tree shared by the rules.</summary>
internal static class Operations
{
    /// <summary>The operation without the implicit and explicit conversions around it.</summary>
    public static IOperation WithoutConversions(this IOperation operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    /// <summary>The operation without the conversions the compiler inserted; casts written in the source stay.</summary>
    public static IOperation WithoutImplicitConversions(this IOperation operation)
    {
        while (operation is IConversionOperation { IsImplicit: true } conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    /// <summary>The body (method, lambda's method, field initializer, top-level statements) the operation is in.</summary>
    public static IOperation Root(this IOperation operation)
    {
        while (operation.Parent is { } parent)
        {
            operation = parent;
        }

        return operation;
    }

    /// <summary>The argument given for the parameter that satisfies <paramref name="parameter"/>, or null.</summary>
    public static IArgumentOperation? ArgumentFor(this IEnumerable<IArgumentOperation> arguments, System.Func<IParameterSymbol, bool> parameter)
    {
        foreach (var argument in arguments)
        {
            if (argument.Parameter is { } symbol && parameter(symbol))
            {
                return argument;
            }
        }

        return null;
    }

    /// <summary>True when the argument leaves the parameter at its default or passes a constant null.</summary>
    public static bool IsDefaultOrNull(this IArgumentOperation argument)
    {
        if (argument.ArgumentKind == ArgumentKind.DefaultValue)
        {
            return true;
        }

        var value = argument.Value.WithoutConversions();
        return value.ConstantValue is { HasValue: true, Value: null } || value is IDefaultValueOperation;
    }

    /// <summary>The values assigned to a local in its body: its initializers and its simple assignments.</summary>
    public static IEnumerable<IOperation> ValuesAssignedTo(this IOperation root, ILocalSymbol local)
    {
        foreach (var operation in root.Descendants())
        {
            switch (operation)
            {
                case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local):
                    if (declarator.GetVariableInitializer() is { } initializer)
                    {
                        yield return initializer.Value;
                    }

                    break;
                case ISimpleAssignmentOperation assignment
                    when assignment.Target is ILocalReferenceOperation target && SymbolEqualityComparer.Default.Equals(target.Local, local):
                    yield return assignment.Value;
                    break;
            }
        }
    }
}

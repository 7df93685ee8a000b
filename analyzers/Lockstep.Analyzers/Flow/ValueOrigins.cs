using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Lockstep.Analyzers.Flow;

/// <summary>
/// Finds what a value is computed from: the operations inside it, and through locals the values assigned to
/// them in the same body. Enough to follow <c>var seed = Environment.TickCount; new Random(seed)</c> or
/// <c>var predictions = model.Transform(split.TrainSet); Evaluate(predictions)</c> without a full data-flow analysis.
/// </summary>
internal static class ValueOrigins
{
    private const int MaxOperations = 2_000;

    /// <summary>
    /// The first operation the value is computed from that <paramref name="match"/> accepts, or null. Without
    /// <paramref name="followInstances"/> the receiver of a method call is not followed: <c>model.Transform(x)</c> is
    /// computed from <c>x</c>, not from whatever the model was trained on.
    /// </summary>
    public static IOperation? Find(IOperation value, Func<IOperation, bool> match, bool followInstances)
    {
        var root = value.Root();
        var seenLocals = new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default);
        var pending = new Stack<IOperation>();
        pending.Push(value);
        var visited = 0;
        while (pending.Count > 0 && visited < MaxOperations)
        {
            var operation = pending.Pop();
            visited++;
            if (match(operation))
            {
                return operation;
            }

            if (operation is ILocalReferenceOperation reference && seenLocals.Add(reference.Local))
            {
                foreach (var assigned in root.ValuesAssignedTo(reference.Local))
                {
                    pending.Push(assigned);
                }
            }

            // Lambdas are code run later, not values this one is computed from.
            if (operation is IAnonymousFunctionOperation)
            {
                continue;
            }

            foreach (var child in operation.ChildOperations)
            {
                if (followInstances || operation is not IInvocationOperation invocation || child != invocation.Instance)
                {
                    pending.Push(child);
                }
            }
        }

        return null;
    }
}

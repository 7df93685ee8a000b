using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Lockstep.Analyzers.Flow;

internal static class AssignedName
{
    /// <summary>The name of the variable, field, property or parameter a value is stored in or passed to, or null.</summary>
    public static string? Of(IOperation value)
    {
        var operation = value;
        while (operation.Parent is IConversionOperation or IVariableInitializerOperation)
        {
            operation = operation.Parent;
        }

        return operation.Parent switch
        {
            IVariableDeclaratorOperation declarator => declarator.Symbol.Name,
            IFieldInitializerOperation field when field.InitializedFields.Length > 0 => field.InitializedFields[0].Name,
            IPropertyInitializerOperation property when property.InitializedProperties.Length > 0 => property.InitializedProperties[0].Name,
            ISimpleAssignmentOperation assignment when assignment.Value == operation => NameOf(assignment.Target),
            IArgumentOperation argument => argument.Parameter?.Name,
            _ => null,
        };
    }

    private static string? NameOf(IOperation target) => target switch
    {
        ILocalReferenceOperation local => local.Local.Name,
        IFieldReferenceOperation field => field.Field.Name,
        IPropertyReferenceOperation property => property.Property.Name,
        IParameterReferenceOperation parameter => parameter.Parameter.Name,
        _ => null,
    };
}

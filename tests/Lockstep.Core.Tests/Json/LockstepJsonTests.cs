using System.Text.Json.Serialization;
using Lockstep.Core.Json;

namespace Lockstep.Core.Tests.Json;

public sealed class LockstepJsonTests
{
    [Fact]
    public void The_contract_list_is_exactly_the_types_the_context_generates_metadata_for()
    {
        var serializable = typeof(LockstepJson).GetCustomAttributesData()
            .Where(attribute => attribute.AttributeType == typeof(JsonSerializableAttribute))
            .Select(attribute => (Type)attribute.ConstructorArguments[0].Value!);

        Assert.Equal(serializable.Select(t => t.FullName).Order(StringComparer.Ordinal), LockstepJson.Contracts.Select(t => t.FullName).Order(StringComparer.Ordinal));
    }
}

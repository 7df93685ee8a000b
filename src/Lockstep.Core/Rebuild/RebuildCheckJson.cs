using System.Text.Json;
using Lockstep.Core.Json;

namespace Lockstep.Core.Rebuild;

public static class RebuildCheckJson
{
    public static string Serialize(RebuildCheck check) => JsonSerializer.Serialize(check, LockstepJson.Readable.RebuildCheck);
}

using System.Text.Json;
using Lockstep.Core.Json;

namespace Lockstep.Core.Pinning;

/// <summary>Reads and writes <c>data.lock.json</c>; problems name the file, line and JSON path.</summary>
public static class DataLockJson
{
    public static DataLockFile Parse(string json, string source)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            throw new InputException(source, null, null, $"the file is empty: expected a data lock ({DataLockFile.SchemaId})");
        }

        var lockFile = ContractJson.Parse(json, source, LockstepJson.Default.DataLockFile, "a data lock", DataLockFile.SchemaId, v => v.Schema);
        foreach (var (path, pin) in lockFile.Files)
        {
            var field = $"$.files['{path}']";
            if (pin is null)
            {
                throw new InputException(source, null, field, "must not be null");
            }

            if (DataLockPaths.Problem(path) is { } problem)
            {
                throw new InputException(source, null, field, problem);
            }

            if (!IsSha256(pin.Sha256))
            {
                throw new InputException(source, null, $"{field}.sha256", $"expected 64 lowercase hexadecimal digits, got \"{pin.Sha256}\"");
            }

            if (pin.Size < 0)
            {
                throw new InputException(source, null, $"{field}.size", $"expected a size in bytes (0 or more), got {pin.Size}");
            }
        }

        return lockFile;
    }

    /// <summary>The lock as JSON with its paths in ordinal order, so that re-pinning changes only the lines that changed.</summary>
    public static string Serialize(DataLockFile lockFile)
    {
        var sorted = new SortedDictionary<string, DataPin>(lockFile.Files.ToDictionary(), StringComparer.Ordinal);
        return JsonSerializer.Serialize(lockFile with { Files = sorted }, LockstepJson.Readable.DataLockFile) + "\n";
    }

    private static bool IsSha256(string value) => value.Length == 64 && value.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'));
}

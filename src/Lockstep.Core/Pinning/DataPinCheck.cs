namespace Lockstep.Core.Pinning;

/// <summary>Compares a file with its pin and says what is wrong in one line, with the command that re-pins it.</summary>
public static class DataPinCheck
{
    public static bool Matches(DataPin pin, long size, string sha256) =>
        pin.Size == size && string.Equals(pin.Sha256, sha256, StringComparison.Ordinal);

    /// <param name="typedPath">The file's path as the user would type it for <c>lockstep data pin</c>; the key by default.</param>
    public static string Mismatch(string key, DataPin pin, long size, string sha256, string? typedPath = null) =>
        $"{key}: does not match its pin: expected sha256 {pin.Sha256} ({Bytes(pin.Size)}), found sha256 {sha256} ({Bytes(size)}); " +
        $"if the change is intended, re-pin it: {RepinCommand(typedPath ?? key)}";

    public static string Missing(string key, DataPin pin) =>
        $"{key}: the pinned file is missing: expected sha256 {pin.Sha256} ({Bytes(pin.Size)}); restore it, or re-pin its directory to drop the pin";

    public static string Unpinned(string key, string lockName) =>
        $"{key}: not pinned in {lockName}: pin it with {RepinCommand(key)}";

    public static string RepinCommand(string path) => $"lockstep data pin {(path.Contains(' ', StringComparison.Ordinal) ? $"\"{path}\"" : path)}";

    private static string Bytes(long size) => size == 1 ? "1 byte" : $"{size.ToString(System.Globalization.CultureInfo.InvariantCulture)} bytes";
}

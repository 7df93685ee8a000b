using Lockstep.Core.Pinning;

namespace Lockstep.Sdk.Tests;

/// <summary>A repository in a temporary folder (a <c>.git</c> folder marks its root), deleted afterwards.</summary>
public sealed class TempRepository : IDisposable
{
    public TempRepository()
    {
        System.IO.Directory.CreateDirectory(System.IO.Path.Combine(Root, ".git"));
    }

    public string Root { get; } = System.IO.Directory.CreateTempSubdirectory("lockstep-sdk-").FullName;

    public string Path(string relative) => System.IO.Path.GetFullPath(System.IO.Path.Combine(Root, relative));

    public string Write(string relative, string content)
    {
        var path = Path(relative);
        System.IO.Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    public string Directory(string relative) => System.IO.Directory.CreateDirectory(Path(relative)).FullName;

    /// <summary>Pins the files as they are now in <c>data.lock.json</c> at the root.</summary>
    public void Pin(params string[] keys)
    {
        var files = keys.ToDictionary(key => key, key => new DataPin { Sha256 = Sha256(Path(key)), Size = new FileInfo(Path(key)).Length });
        Write(DataLockFile.FileName, DataLockJson.Serialize(new DataLockFile { Schema = DataLockFile.SchemaId, Files = files }));
    }

    /// <summary>The Sdk's view of a process started in <paramref name="directory"/> (the root by default) with these variables.</summary>
    internal RunContext Context(string? directory = null, params (string Name, string Value)[] variables) =>
        new(new RunEnvironment(variables.ToDictionary(v => v.Name, v => v.Value), directory is null ? Root : Path(directory)));

    public static string Sha256(string path) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path))).ToLowerInvariant();

    public void Dispose() => System.IO.Directory.Delete(Root, recursive: true);
}

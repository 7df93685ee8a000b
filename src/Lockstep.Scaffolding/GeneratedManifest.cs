using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Lockstep.Core;

namespace Lockstep.Scaffolding;

/// <summary>
/// <c>.lockstep/generated.json</c>: the digest of every file Lockstep generated, so a later run can tell a file it may
/// replace from one someone has edited. The digest leaves out the text inside <c>lockstep:keep</c> regions,
/// which are meant to be edited.
/// </summary>
public sealed class GeneratedManifest
{
    public const string SchemaId = "lockstep.generated/v1";

    /// <summary>Where the manifest lives, relative to the folder whose files it lists.</summary>
    public const string RelativePath = ".lockstep/generated.json";

    private readonly SortedDictionary<string, string> digests;

    private GeneratedManifest(SortedDictionary<string, string> digests)
    {
        this.digests = digests;
    }

    public static GeneratedManifest Empty() => new(new SortedDictionary<string, string>(StringComparer.Ordinal));

    public IReadOnlyDictionary<string, string> Digests => digests;

    public string? DigestOf(string path) => digests.TryGetValue(path, out var digest) ? digest : null;

    public void Record(string path, string content) => digests[path] = Digest(content, path);

    /// <summary>The SHA-256 of the generated part of <paramref name="content"/>: everything but the kept regions' text.</summary>
    public static string Digest(string content, string source) =>
        "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(KeptRegions.WithoutBodies(content, source))));

    public static GeneratedManifest Parse(string json, string source)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json);
        }
        catch (JsonException e)
        {
            throw new InputException(source, (int?)(e.LineNumber + 1), null, $"not valid JSON: {e.Message}");
        }

        if (root is not JsonObject obj || obj["schema"]?.GetValue<string>() != SchemaId || obj["files"] is not JsonObject files)
        {
            throw new InputException(source, null, "$", $"expected {{\"schema\": \"{SchemaId}\", \"files\": {{path: digest}}}}");
        }

        var digests = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (path, value) in files)
        {
            digests[path] = value is JsonValue v && v.TryGetValue<string>(out var digest) && digest.StartsWith("sha256:", StringComparison.Ordinal)
                ? digest
                : throw new InputException(source, null, $"$.files['{path}']", "expected \"sha256:<hex>\"");
        }

        return new GeneratedManifest(digests);
    }

    public string Serialize()
    {
        var files = new JsonObject();
        foreach (var (path, digest) in digests)
        {
            files[path] = digest;
        }

        var root = new JsonObject { ["schema"] = SchemaId, ["files"] = files };
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }
}

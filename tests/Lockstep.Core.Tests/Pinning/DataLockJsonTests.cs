using Lockstep.Core.Pinning;

namespace Lockstep.Core.Tests.Pinning;

public class DataLockJsonTests
{
    private static readonly string ShaA = new('a', 64);
    private static readonly string ShaB = new('b', 64);

    [Fact]
    public void Writes_paths_in_ordinal_order_and_reads_them_back()
    {
        var lockFile = new DataLockFile
        {
            Schema = DataLockFile.SchemaId,
            Files = new Dictionary<string, DataPin>
            {
                ["data/train.csv"] = new() { Sha256 = ShaA, Size = 10 },
                ["Data/ä.csv"] = new() { Sha256 = ShaB, Size = 0 },
                ["data/test.csv"] = new() { Sha256 = ShaB, Size = 1 },
            },
        };

        var json = DataLockJson.Serialize(lockFile);
        var read = DataLockJson.Parse(json, "data.lock.json");

        Assert.Equal(
            $$"""
            {
              "schema": "lockstep.data-lock/v1",
              "files": {
                "Data/ä.csv": {
                  "sha256": "{{ShaB}}",
                  "size": 0
                },
                "data/test.csv": {
                  "sha256": "{{ShaB}}",
                  "size": 1
                },
                "data/train.csv": {
                  "sha256": "{{ShaA}}",
                  "size": 10
                }
              }
            }

            """.ReplaceLineEndings("\n"),
            json);
        Assert.Equal(lockFile.Files.OrderBy(f => f.Key, StringComparer.Ordinal), read.Files.OrderBy(f => f.Key, StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("""{"schema":"lockstep.data-lock/v2","files":{}}""", "data.lock.json: $.schema: expected \"lockstep.data-lock/v1\", got \"lockstep.data-lock/v2\"")]
    [InlineData("""{"schema":"lockstep.data-lock/v1"}""", "data.lock.json:1: $: missing required property 'files'")]
    [InlineData("""{"schema":"lockstep.data-lock/v1","files":{},"extra":1}""", "data.lock.json:1: $.extra: unknown property 'extra'")]
    [InlineData("""{"schema":"lockstep.data-lock/v1","files":{"a.csv":{"sha256":"ABC","size":1}}}""", "data.lock.json: $.files['a.csv'].sha256: expected 64 lowercase hexadecimal digits, got \"ABC\"")]
    [InlineData("""{"schema":"lockstep.data-lock/v1","files":{"a.csv":{"sha256":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa","size":-1}}}""", "data.lock.json: $.files['a.csv'].size: expected a size in bytes (0 or more), got -1")]
    [InlineData("""{"schema":"lockstep.data-lock/v1","files":{"a.csv":null}}""", "data.lock.json: $.files['a.csv']: must not be null")]
    [InlineData("""{"schema":"lockstep.data-lock/v1","files":{"../a.csv":{"sha256":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa","size":1}}}""", "data.lock.json: $.files['../a.csv']: use a relative path inside the lock's directory, without empty, '.' or '..' segments and without a leading '/'")]
    [InlineData("""{"schema":"lockstep.data-lock/v1","files":{"data\\a.csv":{"sha256":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa","size":1}}}""", "data.lock.json: $.files['data\\a.csv']: use a relative path with forward slashes, without a drive or '\\'")]
    [InlineData("  ", "data.lock.json: the file is empty: expected a data lock (lockstep.data-lock/v1)")]
    public void Refuses_a_lock_that_breaks_the_contract(string json, string message)
    {
        Assert.Equal(message, Assert.Throws<InputException>(() => DataLockJson.Parse(json, "data.lock.json")).Message);
    }
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace Lockstep.PrecisionStudy;

/// <summary>One diagnostic of the analyzer precision study, where it is in its corpus; <see cref="Key"/> is what a label names.</summary>
internal sealed record StudyFinding(string Rule, string Corpus, string Commit, string Path, int Line, int Column, string Message) : IComparable<StudyFinding>
{
    [JsonIgnore]
    public string Key => $"{Rule} {Corpus}/{Path}:{Line}:{Column}";

    public int CompareTo(StudyFinding? other) => other is null ? 1 : string.CompareOrdinal(Key, other.Key);

    /// <summary>The findings of a study file: one JSON object per line; a line that is not one is a <see cref="FormatException"/> naming it.</summary>
    public static List<StudyFinding> ReadAll(string path)
    {
        var findings = new List<StudyFinding>();
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (line.Length == 0)
            {
                continue;
            }

            try
            {
                findings.Add(JsonSerializer.Deserialize(line, StudyFindingJson.Default.StudyFinding)
                    ?? throw new FormatException($"{path}:{number}: expected a finding, found null"));
            }
            catch (JsonException exception)
            {
                throw new FormatException($"{path}:{number}: not a finding: {exception.Message}", exception);
            }
        }

        return findings;
    }

    public string ToJson() => JsonSerializer.Serialize(this, StudyFindingJson.Default.StudyFinding);
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(StudyFinding))]
internal sealed partial class StudyFindingJson : JsonSerializerContext;

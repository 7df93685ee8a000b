using System.Text.Json.Serialization;
using Lockstep.Core.Contracts;
using Lockstep.Core.Gates;

using Lockstep.Core.Policy;

namespace Lockstep.Core.Json;

/// <summary>
/// Serialization of the JSON contracts: snake_case names, unknown properties rejected, nullability respected,
/// and <c>"NaN"</c>/<c>"Infinity"</c> readable so the gate, not the parser, reports a non-finite metric by name.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = true,
    Converters = [typeof(UtcDateTimeOffsetConverter)])]
[JsonSerializable(typeof(ReportCard))]
[JsonSerializable(typeof(GateResult))]
[JsonSerializable(typeof(Lockstep.Core.Drift.DriftReport))]
[JsonSerializable(typeof(Lockstep.Core.Freshness.FreshnessReport))]
[JsonSerializable(typeof(Lockstep.Core.Dora.DoraReport))]
[JsonSerializable(typeof(Lockstep.Core.Pinning.DataLockFile))]
[JsonSerializable(typeof(Lockstep.Core.Slo.BudgetReport))]
[JsonSerializable(typeof(Lockstep.Core.Rebuild.RebuildCheck))]
internal sealed partial class LockstepJson : JsonSerializerContext
{
    /// <summary>The contract types named above, where a walk of the generated metadata starts (a test keeps the two lists equal).</summary>
    internal static readonly Type[] Contracts =
    [
        typeof(ReportCard), typeof(GateResult), typeof(Lockstep.Core.Drift.DriftReport), typeof(Lockstep.Core.Freshness.FreshnessReport),
        typeof(Lockstep.Core.Dora.DoraReport), typeof(Lockstep.Core.Pinning.DataLockFile), typeof(Lockstep.Core.Slo.BudgetReport),
        typeof(Lockstep.Core.Rebuild.RebuildCheck),
    ];

    /// <summary>As <see cref="Default"/>, writing '≤' and '>' as themselves so the files read well.</summary>
    private static LockstepJson? readable;

    public static LockstepJson Readable => readable ??= new(new System.Text.Json.JsonSerializerOptions(Default.Options)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}

/// <summary>Enum values as snake_case strings in every contract (<c>"pass"</c>, <c>"rollback"</c>).</summary>
internal sealed class SnakeCaseEnumConverter<TEnum>() : JsonStringEnumConverter<TEnum>(System.Text.Json.JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false)
    where TEnum : struct, Enum;

using Lockstep.Core.Dora;

namespace Lockstep.Core.Reporting;

/// <summary>A lane as the reports name it.</summary>
internal static class LaneNames
{
    public static string Of(Lane lane) => lane == Lane.Code ? "code" : "model";

    public static string Heading(Lane lane) => lane == Lane.Code ? "Code" : "Model";
}

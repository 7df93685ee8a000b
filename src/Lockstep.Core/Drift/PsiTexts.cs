namespace Lockstep.Core.Drift;

/// <summary>
/// A drift report's threshold and its features' PSI as text, together, so that a PSI just below the threshold never
/// reads as equal to it next to "drifted: no" (<see cref="Numbers.Distinct"/>).
/// </summary>
public static class PsiTexts
{
    public static (string Threshold, IReadOnlyList<string> Features) Of(DriftReport report)
    {
        var texts = Numbers.Distinct([report.Settings.PsiThreshold, .. report.Features.Select(f => f.Psi)]);
        return (texts[0], texts[1..]);
    }
}

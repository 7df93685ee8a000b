using Lockstep.Core.Contracts;
using Lockstep.Core.Drift;

namespace Lockstep.Warehouse.Tests;

/// <summary>Two computations of a feature's drift agree: every statistic within 1e-9, bins and counts exactly.</summary>
internal static class DriftAssert
{
    private const double Tolerance = 1e-9;

    public static void Equal(FeatureDrift expected, FeatureDrift actual)
    {
        Assert.Equal(expected.Feature, actual.Feature);
        Assert.Equal(expected.Kind, actual.Kind);
        Assert.Equal(expected.Bins, actual.Bins);
        Close(expected.Psi, actual.Psi, "psi");
        Close(expected.PsiPValue, actual.PsiPValue, "psi_p_value");
        Close(expected.PsiMinDetectable, actual.PsiMinDetectable, "psi_min_detectable");
        Close(expected.KsStatistic, actual.KsStatistic, "ks_statistic");
        Close(expected.KsPValue, actual.KsPValue, "ks_p_value");
        Close(expected.WassersteinNormed, actual.WassersteinNormed, "wasserstein_normed");
        Close(expected.JensenShannon, actual.JensenShannon, "jensen_shannon");
        Close(expected.MissingShareReference, actual.MissingShareReference, "missing_share_reference");
        Close(expected.MissingShareCurrent, actual.MissingShareCurrent, "missing_share_current");
        Assert.Equal(expected.Drifted, actual.Drifted);
        Assert.Equal(expected.TooFewRows, actual.TooFewRows);
        Profile(expected.Reference, actual.Reference);
        Profile(expected.Current, actual.Current);
    }

    private static void Profile(FeatureProfile expected, FeatureProfile actual)
    {
        Assert.Equal(expected.Kind, actual.Kind);
        Assert.Equal(expected.Missing, actual.Missing);
        Assert.Equal(expected.Histogram?.Edges, actual.Histogram?.Edges);
        Assert.Equal(expected.Histogram?.Counts, actual.Histogram?.Counts);
        Assert.Equal(expected.Categories?.OrderBy(p => p.Key, StringComparer.Ordinal), actual.Categories?.OrderBy(p => p.Key, StringComparer.Ordinal));
    }

    private static void Close(double? expected, double? actual, string name)
    {
        Assert.True(expected.HasValue == actual.HasValue, $"{name}: expected {expected}, got {actual}");
        if (expected is { } e && actual is { } a)
        {
            Assert.True(Math.Abs(e - a) <= Tolerance, $"{name}: expected {e:R}, got {a:R}");
        }
    }
}

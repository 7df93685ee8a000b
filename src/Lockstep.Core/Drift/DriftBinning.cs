namespace Lockstep.Core.Drift;

/// <summary>Which PSI bins a feature gets: the rule of <see cref="BinningMode"/>, in one place for every data source.</summary>
public static class DriftBinning
{
    public const string Sturges = "sturges";

    public const string Quantile = "quantile";

    public const string Values = "values";

    /// <summary>The bins of a numeric feature.</summary>
    /// <param name="referenceDistinct">The reference's distinct finite values; asked only in Evidently mode.</param>
    public static string Numeric(DriftOptions options, Func<long> referenceDistinct)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(referenceDistinct);
        if (options.Binning == BinningMode.Quantile)
        {
            return Quantile;
        }

        return referenceDistinct() <= DriftOptions.EvidentlyCategoricalLimit ? Values : Sturges;
    }
}

namespace Lockstep.Core.Evaluation;

/// <summary>
/// Computes metrics of one bootstrap resample given as how often each row was drawn, in one pass over the rows rather
/// than over a materialised copy of the resample.
/// </summary>
internal interface IReplicateKernel
{
    /// <summary>The metrics' names, in the order <see cref="Compute"/> writes them.</summary>
    IReadOnlyList<string> Names { get; }

    /// <summary>Writes each metric of the resample, NaN where the resample leaves it undefined.</summary>
    /// <param name="counts">How often each row (in the resampler's layout) was drawn.</param>
    /// <param name="values">Receives <see cref="Names"/>.Count values.</param>
    void Compute(ReadOnlySpan<int> counts, Span<double> values);
}

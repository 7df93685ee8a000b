namespace Lockstep.Core.Evaluation;

/// <summary>Several kernels on the same resamples: the candidate's, the baseline's and the latency's metrics side by side.</summary>
internal sealed class ConcatenatedReplicates(IReadOnlyList<IReplicateKernel> kernels) : IReplicateKernel
{
    public IReadOnlyList<string> Names { get; } = kernels.SelectMany(kernel => kernel.Names).ToList();

    public void Compute(ReadOnlySpan<int> counts, Span<double> values)
    {
        var offset = 0;
        foreach (var kernel in kernels)
        {
            kernel.Compute(counts, values.Slice(offset, kernel.Names.Count));
            offset += kernel.Names.Count;
        }
    }
}

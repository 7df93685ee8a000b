using BenchmarkDotNet.Attributes;
using Lockstep.Core.Drift;
using Lockstep.Core.Metrics;

namespace Lockstep.Benchmarks;

/// <summary><see cref="RocAuc.Compute"/> on binary predictions with scores rounded to 4 decimals (many ties).</summary>
[MemoryDiagnoser]
public class RocAucBenchmarks
{
    private double[] scores = [];
    private bool[] labels = [];

    [Params(1_000_000, 10_000_000)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var predictions = Synthetic.Predictions(Rows);
        scores = predictions.Scores;
        labels = predictions.LabelsAsBool();
    }

    [Benchmark]
    public double Compute() => RocAuc.Compute(scores, labels);
}

/// <summary>
/// <see cref="NumpyHistogram.SturgesEdges"/> over a reference and a current sample of 5,000,000 sorted values each,
/// then <see cref="NumpyHistogram.Counts"/> of the reference in those bins: the PSI binning of one feature.
/// </summary>
[MemoryDiagnoser]
public class HistogramBenchmarks
{
    private const int Rows = 5_000_000;
    private double[] reference = [];
    private double[] current = [];

    [GlobalSetup]
    public void Setup()
    {
        reference = Synthetic.Feature(0, current: false, Rows);
        current = Synthetic.Feature(0, current: true, Rows);
        Array.Sort(reference);
        Array.Sort(current);
    }

    [Benchmark]
    public long[] SturgesEdgesAndCounts()
    {
        var edges = NumpyHistogram.SturgesEdges(reference, current);
        return NumpyHistogram.Counts(reference, edges);
    }
}

/// <summary>
/// <see cref="FeatureDriftCalculator.Compare"/> of one numeric feature, 5,000,000 reference against 5,000,000
/// current values (already sorted, as <see cref="FeatureSample.Numeric"/> leaves them): PSI with Sturges bins,
/// KS statistic and p-value, normalised Wasserstein, histograms.
/// </summary>
[MemoryDiagnoser]
public class FeatureDriftBenchmarks
{
    private const int Rows = 5_000_000;
    private FeatureSample reference = null!;
    private FeatureSample current = null!;
    private readonly DriftOptions options = new();

    /// <summary>f00 is normal and identical in distribution on both sides; f03 is exponential and rescaled.</summary>
    [Params(0, 3)]
    public int Feature { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        reference = FeatureSample.Numeric(Synthetic.Feature(Feature, current: false, Rows), Rows);
        current = FeatureSample.Numeric(Synthetic.Feature(Feature, current: true, Rows), Rows);
    }

    [Benchmark]
    public FeatureDrift Compare() => FeatureDriftCalculator.Compare(Synthetic.FeatureName(Feature), reference, current, options);
}

/// <summary>
/// <see cref="FeatureSample.Numeric"/> of 5,000,000 unsorted values: drops non-finite values and sorts the rest in
/// place, once per feature and side before <see cref="FeatureDriftCalculator.Compare"/>. Each iteration starts
/// from a fresh copy of the values.
/// </summary>
[MemoryDiagnoser]
public class FeatureSampleBenchmarks
{
    private const int Rows = 5_000_000;
    private double[] values = [];
    private readonly double[] buffer = new double[Rows];

    [GlobalSetup]
    public void Setup() => values = Synthetic.Feature(0, current: false, Rows);

    [IterationSetup]
    public void CopyValues() => values.CopyTo(buffer, 0);

    [Benchmark]
    public FeatureSample Numeric() => FeatureSample.Numeric(buffer, Rows);
}

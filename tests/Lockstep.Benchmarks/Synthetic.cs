namespace Lockstep.Benchmarks;

/// <summary>
/// Deterministic synthetic data, the same on every machine and run: a seeded <see cref="Random"/> per column,
/// values rounded to a few decimals (each the double nearest its short decimal form, so CSV text stays short and
/// reads back to the same double).
/// </summary>
public static class Synthetic
{
    public const int DefaultSeed = 20_240_601;

    /// <summary>The five regions of the predictions, and how often each occurs.</summary>
    public static readonly string[] Regions = ["us-east", "us-west", "eu-west", "eu-central", "ap-south"];

    private static readonly double[] RegionWeights = [0.35, 0.25, 0.2, 0.15, 0.05];

    /// <summary>
    /// Binary predictions: a label drawn from a latent probability, a noisy and miscalibrated score rounded to
    /// 4 decimals (so many rows tie), a log-normal latency in milliseconds (3 decimals) with a slow region and a
    /// rare slow tail, and the region. Beside them the production model's score of the same rows: as informative
    /// as the score, its noise correlated with the score's (0.8), calibrated differently and rounded to 3 decimals
    /// (more ties). It is drawn from a random stream of its own, so the other columns are those of a generator
    /// without it.
    /// </summary>
    public static Predictions Predictions(int rows, int seed = DefaultSeed)
    {
        var random = new Random(seed);
        var gaussian = new Gaussian(random);
        var production = new Gaussian(new Random(unchecked((seed * 31) - 1)));
        var labels = new int[rows];
        var scores = new double[rows];
        var productionScores = new double[rows];
        var latency = new double[rows];
        var regions = new byte[rows];
        for (var i = 0; i < rows; i++)
        {
            var region = PickRegion(random.NextDouble());
            var signal = gaussian.Next();
            var truth = Sigmoid(-1.0 + (1.6 * signal) + (0.15 * region));
            labels[i] = random.NextDouble() < truth ? 1 : 0;
            var noise = gaussian.Next();
            var score = Sigmoid((0.8 * Logit(truth)) + (0.6 * noise) - 0.1);
            scores[i] = Round(score, 4);
            var productionNoise = (0.8 * noise) + (0.6 * production.Next());
            productionScores[i] = Round(Sigmoid((0.8 * Logit(truth)) + (0.6 * productionNoise) + 0.2), 3);
            var slow = random.NextDouble() < 0.01 ? 4.0 : 1.0;
            var baseMs = region == 4 ? 75.0 : 35.0;
            latency[i] = Round(baseMs * slow * Math.Exp(0.45 * gaussian.Next()), 3);
            regions[i] = (byte)region;
        }

        return new Predictions(labels, scores, latency, regions) { ProductionScores = productionScores };
    }

    /// <summary>
    /// Feature <paramref name="index"/> (f00, f01, …) of the reference (<paramref name="current"/> false) or the
    /// current data. The distribution cycles through ten shapes; the current data is shifted in every fifth feature from
    /// f01 on (f01, f06, f11, f16, by 0.1, 0.2, 0.3, 0.4 of a spread), rescaled in f03 (×1.5) and f13 (×1.2), and
    /// drawn from the reference's distribution otherwise.
    /// </summary>
    public static double[] Feature(int index, bool current, int rows, int seed = DefaultSeed)
    {
        var random = new Random(unchecked((seed * 31) + (index * 2) + (current ? 1 : 0)));
        var gaussian = new Gaussian(random);
        var (shift, scale) = Drift(index, current);
        var values = new double[rows];
        for (var i = 0; i < rows; i++)
        {
            values[i] = (index % 10) switch
            {
                0 => Round(50 + (10 * scale * gaussian.Next()) + (10 * shift), 3),
                1 => Round(Math.Exp(3 + (0.6 * scale * gaussian.Next()) + (0.6 * shift)), 2),
                2 => Round(Math.Clamp(0.5 + (scale * (random.NextDouble() - 0.5)) + (0.29 * shift), 0, 1), 4),
                3 => Round(-2 * scale * Math.Log(1 - random.NextDouble()) * (1 + shift), 3),
                4 => Round((scale * gaussian.Next()) + shift, 4),
                5 => Round((random.NextDouble() < 0.7 ? gaussian.Next() : 4 + (0.5 * gaussian.Next())) * scale + shift, 3),
                6 => Poisson(random, 3 * scale * (1 + shift)),
                7 => Round(-scale * (Math.Log(1 - random.NextDouble()) + Math.Log(1 - random.NextDouble()) + Math.Log(1 - random.NextDouble())) + shift, 3),
                8 => Math.Round(1000 + (200 * scale * gaussian.Next()) + (200 * shift)),
                _ => Math.Clamp(Math.Floor(100 * random.NextDouble() * scale) + Math.Round(10 * shift), 0, 120),
            };
        }

        return values;
    }

    public static string FeatureName(int index) => $"f{index:00}";

    private static (double Shift, double Scale) Drift(int index, bool current)
    {
        if (!current)
        {
            return (0, 1);
        }

        return (index % 5, index % 10) switch
        {
            (1, _) => (0.1 * (1 + (index / 5)), 1),
            (_, 3) => (0, index < 10 ? 1.5 : 1.2),
            _ => (0, 1),
        };
    }

    private static int PickRegion(double u)
    {
        for (var r = 0; r < RegionWeights.Length - 1; r++)
        {
            if (u < RegionWeights[r])
            {
                return r;
            }

            u -= RegionWeights[r];
        }

        return RegionWeights.Length - 1;
    }

    private static double Poisson(Random random, double mean)
    {
        var limit = Math.Exp(-mean);
        var k = 0;
        var product = random.NextDouble();
        while (product > limit)
        {
            k++;
            product *= random.NextDouble();
        }

        return k;
    }

    private static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));

    private static double Logit(double p) => Math.Log(p / (1 - p));

    /// <summary>The double nearest to x rounded to <paramref name="decimals"/> places, as parsing that decimal would give.</summary>
    private static double Round(double x, int decimals)
    {
        var scale = Math.Pow(10, decimals);
        return Math.Round(x * scale) / scale;
    }

    /// <summary>Standard normal variates by the Box–Muller transform.</summary>
    private sealed class Gaussian(Random random)
    {
        private double spare;
        private bool hasSpare;

        public double Next()
        {
            if (hasSpare)
            {
                hasSpare = false;
                return spare;
            }

            var u = 1 - random.NextDouble();
            var v = random.NextDouble();
            var radius = Math.Sqrt(-2 * Math.Log(u));
            spare = radius * Math.Sin(2 * Math.PI * v);
            hasSpare = true;
            return radius * Math.Cos(2 * Math.PI * v);
        }
    }
}

/// <summary>
/// Predictions column by column: label 0/1, probability, latency in ms, region index into <see cref="Synthetic.Regions"/>,
/// and the production model's probability (written as <c>p_prod</c> when present).
/// </summary>
public sealed record Predictions(int[] Labels, double[] Scores, double[] LatencyMs, byte[] Regions)
{
    public double[]? ProductionScores { get; init; }

    public int Rows => Labels.Length;

    public bool[] LabelsAsBool() => Array.ConvertAll(Labels, y => y == 1);
}

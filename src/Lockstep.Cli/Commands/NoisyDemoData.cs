using System.Globalization;
using System.Text;

namespace Lockstep.Cli.Commands;

/// <summary>
/// The predictions of <c>lockstep demo --scenario noisy</c>: labels, the production model's scores and a candidate's
/// that ranks about 3% worse (population AUC 0.839 against 0.815), their errors correlated by 0.6. Seeded, so every
/// run writes the same file.
/// </summary>
internal static class NoisyDemoData
{
    /// <summary>How far the classes' latent scores lie apart for production: its AUC is Φ(1.4/√2) = 0.839.</summary>
    private const double Separation = 1.4;

    /// <summary>The candidate's separation: its AUC is Φ(1.27/√2) = 0.815.</summary>
    private const double CandidateSeparation = 1.27;

    /// <summary>The correlation of the two models' errors: the share of the production model's error the candidate makes too.</summary>
    private const double SharedError = 0.6;

    private const double PositiveShare = 0.3;

    public static string Csv(int rows, int seed)
    {
        var random = new Random(seed);
        var csv = new StringBuilder("churned,p_candidate,p_production\n");
        for (var i = 0; i < rows; i++)
        {
            var churned = random.NextDouble() < PositiveShare;
            var error = Normal(random);
            var production = (churned ? Separation : 0) + error;
            var candidate = (churned ? CandidateSeparation : 0) + (SharedError * error) + (Math.Sqrt(1 - (SharedError * SharedError)) * Normal(random));
            csv.Append(churned ? '1' : '0').Append(',')
                .Append(Probability(candidate)).Append(',')
                .Append(Probability(production)).Append('\n');
        }

        return csv.ToString();
    }

    /// <summary>Box–Muller: one standard normal draw from two uniforms.</summary>
    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private static string Probability(double latent) =>
        (1 / (1 + Math.Exp(-(latent - (Separation / 2))))).ToString("0.0000", CultureInfo.InvariantCulture);
}

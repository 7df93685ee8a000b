namespace Lockstep.Core.Tests.Metrics;

/// <summary>
/// Paired scorings with ties, generated the same way by the test and by the script that computed the oracle values:
/// a 64-bit linear congruential generator (Knuth's MMIX constants), each draw the top 53 bits over 2⁵³. A row is
/// positive when its first draw is below 0.4; the candidate is floor((u + 0.3·y)·10)/10 and the baseline
/// floor((u + 0.2·y)·20)/20, each with its own draw, so both take few distinct values and tie often.
/// </summary>
internal static class PairedRows
{
    public static (double[] Candidate, double[] Baseline, bool[] Labels) Generate(ulong seed, int rows)
    {
        var state = seed;
        double Next()
        {
            state = unchecked((state * 6364136223846793005UL) + 1442695040888963407UL);
            return (state >> 11) / 9007199254740992.0;
        }

        var candidate = new double[rows];
        var baseline = new double[rows];
        var labels = new bool[rows];
        for (var i = 0; i < rows; i++)
        {
            labels[i] = Next() < 0.4;
            candidate[i] = Math.Floor((Next() + (labels[i] ? 0.3 : 0.0)) * 10) / 10;
            baseline[i] = Math.Floor((Next() + (labels[i] ? 0.2 : 0.0)) * 20) / 20;
        }

        return (candidate, baseline, labels);
    }
}

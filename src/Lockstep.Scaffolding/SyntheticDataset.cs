using System.Globalization;
using System.Text;

namespace Lockstep.Scaffolding;

/// <summary>
/// The starter repository's data: customers with a churn label (or next month's spend, for regression), generated
/// from a fixed seed so every scaffold writes the same bytes and the same data.lock.json pin. The generator is
/// SplitMix64, written out here because its output must never change with a .NET version.
/// </summary>
public static class SyntheticDataset
{
    public const int Rows = 3000;

    public const string Path = "data/dataset.csv";

    private static readonly string[] Contracts = ["monthly", "annual", "two-year"];

    private static readonly string[] Regions = ["EU", "US", "APAC"];

    public static string Csv(string task)
    {
        var regression = task == ModelTasks.Regression;
        var random = new SplitMix64(20_261_126);
        var csv = new StringBuilder().Append("tenure_months,monthly_charges,support_calls,contract,region,")
            .Append(regression ? "next_month_spend" : "churned").Append('\n');
        for (var row = 0; row < Rows; row++)
        {
            var tenure = 1 + (int)(random.NextDouble() * 72);
            var charges = Math.Round(20 + (random.NextDouble() * 100), 2);
            var calls = (int)(random.NextDouble() * random.NextDouble() * 10);
            var contract = Contracts[(int)(random.NextDouble() * Contracts.Length)];
            var region = Regions[(int)(random.NextDouble() * Regions.Length)];
            var noise = random.NextDouble() - 0.5;
            csv.Append(tenure.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(charges.ToString("0.00", CultureInfo.InvariantCulture)).Append(',')
                .Append(calls.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(contract).Append(',').Append(region).Append(',');
            if (regression)
            {
                var spend = (charges * (contract == "monthly" ? 1.05 : 0.98)) + (calls * 2.5) - (tenure * 0.05) + (noise * 12);
                csv.Append(Math.Round(spend, 2).ToString("0.00", CultureInfo.InvariantCulture));
            }
            else
            {
                var score = 1.2 - (tenure * 0.045) + (charges * 0.012) + (calls * 0.35) - (contract == "monthly" ? 0 : 1.3) + (region == "APAC" ? 0.3 : 0) + (noise * 3);
                csv.Append(1 / (1 + Math.Exp(-score)) > 0.5 ? "true" : "false");
            }

            csv.Append('\n');
        }

        return csv.ToString();
    }

    /// <summary>SplitMix64 (Steele, Lea and Flood 2014): 64 bits a step, the top 53 as a double in [0, 1).</summary>
    private sealed class SplitMix64(ulong state)
    {
        public double NextDouble()
        {
            state += 0x9E3779B97F4A7C15UL;
            var z = state;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            z ^= z >> 31;
            return (z >> 11) * (1.0 / (1UL << 53));
        }
    }
}

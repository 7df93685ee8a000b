namespace Lockstep.Core.Metrics;

/// <summary>
/// The Pelz–Good (1976) approximation to Pr(D_n &lt;= x): SciPy 1.10.1's <c>_kolmogn_PelzGood</c> in
/// <c>scipy/stats/_ksstats.py</c>. It starts from the Li-Chien/Korolyuk expansion
/// K0(z) + K1(z)/√n + K2(z)/n + K3(z)/n^1.5 with z = x√n, rewritten through Jacobi theta functions for small z.
/// </summary>
internal static class PelzGood
{
    private const double MinLog = -708;

    private static readonly double Sqrt2Pi = Math.Sqrt(2 * Math.PI);

    private static readonly double PiSquared = Math.Pow(Math.PI, 2);

    private static readonly double PiFour = Math.Pow(Math.PI, 4);

    private static readonly double PiSix = Math.Pow(Math.PI, 6);

    public static double Cdf(int n, double x)
    {
        if (x <= 0.0)
        {
            return 0.0;
        }

        if (x >= 1.0)
        {
            return 1.0;
        }

        var z = Math.Sqrt(n) * x;
        double zSquared = Math.Pow(z, 2), zThree = Math.Pow(z, 3), zFour = Math.Pow(z, 4), zSix = Math.Pow(z, 6);

        var qlog = -PiSquared / 8 / zSquared;
        if (qlog < MinLog)
        {
            // z ~ 0.041743441416853426
            return 0.0;
        }

        var q = Math.Exp(qlog);

        // Coefficients of the terms in the sums for K1, K2 and K3.
        var k1a = -zSquared;
        var k1b = PiSquared / 4;

        var k2a = (6 * zSix) + (2 * zFour);
        var k2b = ((2 * zFour) - (5 * zSquared)) * PiSquared / 4;
        var k2c = PiFour * (1 - (2 * zSquared)) / 16;

        var k3d = PiSix * (5 - (30 * zSquared)) / 64;
        var k3c = PiFour * ((-60 * zSquared) + (212 * zFour)) / 16;
        var k3b = PiSquared * ((135 * zFour) - (96 * zSix)) / 4;
        var k3a = (-30 * zSix) - (90 * Math.Pow(z, 8));

        // Horner scheme for sum c_i q^(i^2), which reduces to a sum over odd integers.
        double k0 = 0, k1 = 0, k2 = 0, k3 = 0;
        var maxK = (int)Math.Ceiling(16 * z / Math.PI);
        for (var k = maxK; k > 0; k--)
        {
            var m = (2 * k) - 1;
            double mSquared = Math.Pow(m, 2), mFour = Math.Pow(m, 4), mSix = Math.Pow(m, 6);
            var qPower = Math.Pow(q, 8 * k);
            k0 = (k0 * qPower) + 1.0;
            k1 = (k1 * qPower) + (k1a + (k1b * mSquared));
            k2 = (k2 * qPower) + (k2a + (k2b * mSquared) + (k2c * mFour));
            k3 = (k3 * qPower) + (k3a + (k3b * mSquared) + (k3c * mFour) + (k3d * mSix));
        }

        k0 = k0 * q * Sqrt2Pi / z;
        k1 = k1 * q * Sqrt2Pi / (6 * zFour);
        k2 = k2 * q * Sqrt2Pi / (72 * Math.Pow(z, 7));
        k3 = k3 * q * Sqrt2Pi / (6480 * Math.Pow(z, 10));

        // The other sums run over all integers k:
        // K2: (π² k²) q^(k²), K3: (3π² k² z² − π⁴ k⁴) q^(k²). Little cancellation, so computed directly.
        q = Math.Exp(-PiSquared / 2 / zSquared);
        var sqrt3z = Math.Sqrt(3) * z;
        double k2Extra = 0, k3Extra = 0;
        for (var k = maxK; k > 0; k--)
        {
            double kSquared = (double)k * k;
            var kPi = Math.PI * k;
            var qPower = Math.Pow(q, kSquared);
            k2Extra += kSquared * qPower;
            k3Extra += (sqrt3z + kPi) * (sqrt3z - kPi) * kSquared * qPower;
        }

        k2 += k2Extra * (PiSquared * Sqrt2Pi / (-36 * zThree));
        k3 += k3Extra * (PiSquared * Sqrt2Pi / (216 * zSix));

        return k0 + (k1 / Math.Pow(n, 0.5)) + (k2 / n) + (k3 / Math.Pow(n, 1.5));
    }
}

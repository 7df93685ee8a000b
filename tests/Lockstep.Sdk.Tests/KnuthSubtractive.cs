namespace Lockstep.Sdk.Tests;

/// <summary>
/// The seeded generator of .NET Framework's <see cref="Random"/>: Knuth's subtractive method as Numerical Recipes'
/// ran3 gives it, with .NET's modification (index 21 instead of 31). Written out here as the oracle that today's
/// seeded <see cref="Random"/> must still follow.
/// </summary>
internal sealed class KnuthSubtractive
{
    private const int Big = int.MaxValue;
    private const int SeedConstant = 161803398;
    private readonly int[] state = new int[56];
    private int next;
    private int nextP = 21;

    public KnuthSubtractive(int seed)
    {
        var mj = SeedConstant - (seed == int.MinValue ? int.MaxValue : Math.Abs(seed));
        state[55] = mj;
        var mk = 1;
        var ii = 0;
        for (var i = 1; i < 55; i++)
        {
            ii = (ii + 21) % 55;
            state[ii] = mk;
            mk = mj - mk;
            if (mk < 0)
            {
                mk += Big;
            }

            mj = state[ii];
        }

        for (var k = 1; k < 5; k++)
        {
            for (var i = 1; i < 56; i++)
            {
                state[i] -= state[1 + ((i + 30) % 55)];
                if (state[i] < 0)
                {
                    state[i] += Big;
                }
            }
        }
    }

    public int Next()
    {
        next = next + 1 >= 56 ? 1 : next + 1;
        nextP = nextP + 1 >= 56 ? 1 : nextP + 1;
        var value = state[next] - state[nextP];
        if (value == Big)
        {
            value--;
        }

        if (value < 0)
        {
            value += Big;
        }

        state[next] = value;
        return value;
    }

    public double NextDouble() => Next() * (1.0 / Big);
}

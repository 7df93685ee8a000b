using System.Runtime.InteropServices;

namespace Lockstep.Core.Metrics;

/// <summary>
/// Sorts doubles ascending with a least-significant-digit radix sort on their order-preserving bit patterns:
/// four passes of 16 bits, linear in the number of values. Millions of scores, latencies or feature values sort
/// several times faster than with a comparison sort. Small inputs use <see cref="Array.Sort{T}(T[])"/>.
/// </summary>
public static class RadixSort
{
    private const int SmallInput = 1 << 14;
    private const int DigitBits = 16;
    private const int Buckets = 1 << DigitBits;

    /// <param name="values">Values without NaN; −0 sorts before +0.</param>
    public static void Sort(Span<double> values)
    {
        if (values.Length < SmallInput)
        {
            values.Sort();
            return;
        }

        // The keys are built in the values' own memory, so the sort needs one scratch buffer, not two.
        var keys = MemoryMarshal.Cast<double, ulong>(values);
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = ToKey(values[i]);
        }

        var scratch = new ulong[keys.Length];
        var counts = new int[Buckets];
        var inScratch = false;
        for (var shift = 0; shift < 64; shift += DigitBits)
        {
            var moved = inScratch ? SortByDigit(scratch, keys, counts, shift) : SortByDigit(keys, scratch, counts, shift);
            inScratch ^= moved;
        }

        if (inScratch)
        {
            scratch.CopyTo(keys);
        }

        for (var i = 0; i < keys.Length; i++)
        {
            values[i] = FromKey(keys[i]);
        }
    }

    /// <summary>One stable counting pass; false (and no work) when every key has the same digit.</summary>
    private static bool SortByDigit(ReadOnlySpan<ulong> source, Span<ulong> target, int[] counts, int shift)
    {
        Array.Clear(counts);
        foreach (var key in source)
        {
            counts[(int)((key >> shift) & (Buckets - 1))]++;
        }

        if (counts[(int)((source[0] >> shift) & (Buckets - 1))] == source.Length)
        {
            return false;
        }

        var offset = 0;
        for (var digit = 0; digit < Buckets; digit++)
        {
            var count = counts[digit];
            counts[digit] = offset;
            offset += count;
        }

        foreach (var key in source)
        {
            target[counts[(int)((key >> shift) & (Buckets - 1))]++] = key;
        }

        return true;
    }

    /// <summary>Maps a double to an unsigned integer with the same order: flip all bits of negatives, the sign bit of the rest.</summary>
    private static ulong ToKey(double value)
    {
        var bits = BitConverter.DoubleToUInt64Bits(value);
        return (bits & 0x8000_0000_0000_0000UL) != 0 ? ~bits : bits | 0x8000_0000_0000_0000UL;
    }

    private static double FromKey(ulong key) =>
        BitConverter.UInt64BitsToDouble((key & 0x8000_0000_0000_0000UL) != 0 ? key & 0x7FFF_FFFF_FFFF_FFFFUL : ~key);
}

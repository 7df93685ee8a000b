using CsCheck;
using Lockstep.Core;

namespace Lockstep.Tests.Shared;

/// <summary>
/// Damaged copies of a valid file for property tests of the readers: one to four edits, each a bit flipped, bytes
/// inserted (random or ones that matter to parsers: quotes, braces, separators, line breaks, stray UTF-8 lead and
/// continuation bytes), a range deleted, a byte overwritten or the file cut short. CsCheck shrinks a failing copy
/// to fewer and smaller edits.
/// </summary>
internal static class ByteMutations
{
    private static readonly byte[] Interesting = "\"{}[],:;\n\r\t\\0-.eE+"u8.ToArray().Concat(new byte[] { 0x00, 0x7F, 0x80, 0xBF, 0xC0, 0xC3, 0xE2, 0xEF, 0xF0, 0xFE, 0xFF }).ToArray();

    private static readonly Gen<Edit> EditGen =
        Gen.Select(Gen.Int[0, 5], Gen.Double[0, 1], Gen.Byte, Gen.Int[1, 16], (kind, at, value, length) => new Edit(kind, at, value, length));

    /// <summary>Copies of <paramref name="original"/> with one to four edits.</summary>
    public static Gen<byte[]> Of(byte[] original) => EditGen.Array[1, 4].Select(edits => Apply(original, edits));

    /// <summary>
    /// Reads damaged copies of <paramref name="original"/>: each must give a value or an <see cref="InputException"/>
    /// whose problems are each one line starting with <paramref name="source"/>; any other exception fails the test.
    /// </summary>
    public static void ReadOrInputError(byte[] original, string source, Action<byte[]> read, long iterations)
    {
        read(original);
        Of(original).Sample(
            bytes =>
            {
                try
                {
                    read(bytes);
                }
                catch (InputException e)
                {
                    // A reader that checks the whole file (the policy) lists several problems, one line each.
                    Assert.All(e.Errors, problem =>
                    {
                        Assert.StartsWith(source, problem.Message, StringComparison.Ordinal);
                        Assert.DoesNotContain('\n', problem.Message);
                    });
                }
            },
            iter: iterations);
    }

    private static byte[] Apply(byte[] original, Edit[] edits)
    {
        var bytes = new List<byte>(original);
        foreach (var edit in edits)
        {
            var at = Math.Min(bytes.Count, (int)(edit.At * bytes.Count));
            switch (edit.Kind)
            {
                case 0 when at < bytes.Count:
                    bytes[at] ^= (byte)(1 << (edit.Value % 8));
                    break;
                case 1:
                    bytes.InsertRange(at, Enumerable.Repeat(edit.Value, Math.Min(edit.Length, 4)));
                    break;
                case 2:
                    bytes.Insert(at, Interesting[edit.Value % Interesting.Length]);
                    break;
                case 3 when at < bytes.Count:
                    bytes.RemoveRange(at, Math.Min(edit.Length, bytes.Count - at));
                    break;
                case 4 when at < bytes.Count:
                    bytes[at] = Interesting[edit.Value % Interesting.Length];
                    break;
                case 5:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
            }
        }

        return bytes.ToArray();
    }

    private readonly record struct Edit(int Kind, double At, byte Value, int Length);
}

using System.Data.Common;
using System.Globalization;
using System.Numerics;

namespace Lockstep.Warehouse;

/// <summary>Reads counts and numbers whatever type the database returns them as (bigint, numeric, DuckDB's HUGEINT).</summary>
internal static class DbValues
{
    public static long Long(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? 0 : reader.GetValue(ordinal) switch
    {
        BigInteger big => (long)big,
        var value => Convert.ToInt64(value, CultureInfo.InvariantCulture),
    };

    public static double? Double(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetValue(ordinal) switch
    {
        BigInteger big => (double)big,
        var value => Convert.ToDouble(value, CultureInfo.InvariantCulture),
    };
}

using Npgsql;

namespace Lockstep.Warehouse;

/// <summary>
/// A libpq connection URI, <c>postgresql://[user[:password]@]host[:port][/database][?param=value&amp;…]</c>, as an
/// Npgsql connection string. Parameters Npgsql knows by their libpq names: <c>sslmode</c>, <c>connect_timeout</c>,
/// <c>application_name</c>; others are passed by name.
/// </summary>
internal static class PostgreSqlUri
{
    /// <exception cref="ArgumentException">Not a URI, or a parameter Npgsql does not know.</exception>
    public static NpgsqlConnectionStringBuilder Parse(string uri)
    {
        if (!Uri.TryCreate(uri, UriKind.Absolute, out var parsed) || parsed.Scheme is not ("postgresql" or "postgres"))
        {
            throw new ArgumentException("expected postgresql://user:password@host:port/database", nameof(uri));
        }

        var builder = new NpgsqlConnectionStringBuilder { Host = parsed.Host, Port = parsed.IsDefaultPort || parsed.Port < 0 ? 5432 : parsed.Port };
        var database = Uri.UnescapeDataString(parsed.AbsolutePath.TrimStart('/'));
        if (database.Length > 0)
        {
            builder.Database = database;
        }

        if (parsed.UserInfo.Length > 0)
        {
            var parts = parsed.UserInfo.Split(':', 2);
            builder.Username = Uri.UnescapeDataString(parts[0]);
            if (parts.Length == 2)
            {
                builder.Password = Uri.UnescapeDataString(parts[1]);
            }
        }

        foreach (var pair in parsed.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var (key, value) = pair.Split('=', 2) is [var k, var v] ? (Uri.UnescapeDataString(k), Uri.UnescapeDataString(v)) : (Uri.UnescapeDataString(pair), string.Empty);
            builder[key switch
            {
                "sslmode" => "SSL Mode",
                "connect_timeout" => "Timeout",
                "application_name" => "Application Name",
                _ => key,
            }] = value;
        }

        return builder;
    }
}

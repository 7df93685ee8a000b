using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Lockstep.Warehouse.Tests;

/// <summary>
/// A real PostgreSQL 15 (Debian's <c>postgresql</c>) started on 127.0.0.1 and a free port for the tests, in a
/// temporary directory, and stopped after them. PostgreSQL refuses to run as root, so as root its binaries run as
/// the <c>postgres</c> user. Password authentication over TCP, so connection strings carry a password.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    public const string User = "lockstep";

    public const string Password = "s3cret-pg-pass";

    private const string Binaries = "/usr/lib/postgresql/15/bin";

    private readonly DirectoryInfo root = Directory.CreateTempSubdirectory("lockstep-pg-");

    public int Port { get; } = FreePort();

    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username={User};Password={Password};Database=postgres;Pooling=false";

    public string Uri => $"postgresql://{User}:{Password}@127.0.0.1:{Port}/postgres?sslmode=disable";

    private string Data => Path.Combine(root.FullName, "data");

    public async Task InitializeAsync()
    {
        if (!File.Exists(Path.Combine(Binaries, "pg_ctl")))
        {
            throw new InvalidOperationException($"PostgreSQL 15 is not installed ({Binaries}): apt-get install -y postgresql");
        }

        var passwordFile = Path.Combine(root.FullName, "password");
        await File.WriteAllTextAsync(passwordFile, Password);
        if (IsRoot)
        {
            await RunAsync("chown", "-R", "postgres:postgres", root.FullName);
        }

        await RunPostgresAsync("initdb", "-D", Data, "-U", User, "--pwfile", passwordFile, "--auth-host=scram-sha-256", "--auth-local=trust", "-E", "UTF8", "--locale=C");
        await RunPostgresAsync(
            "pg_ctl", "-D", Data, "-l", Path.Combine(root.FullName, "log"), "-w", "-t", "60",
            "-o", $"-h 127.0.0.1 -p {Port} -k {root.FullName} -c fsync=off", "start");
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            await RunPostgresAsync("pg_ctl", "-D", Data, "-m", "immediate", "-w", "stop");
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    public async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    private static bool IsRoot => Environment.UserName == "root";

    private static Task RunPostgresAsync(string binary, params string[] arguments) => IsRoot
        ? RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(Binaries, binary), .. arguments])
        : RunAsync(Path.Combine(Binaries, binary), arguments);

    private static async Task RunAsync(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await error}{await output}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

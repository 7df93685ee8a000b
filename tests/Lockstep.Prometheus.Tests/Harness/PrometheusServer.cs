using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Lockstep.Prometheus.Tests.Harness;

/// <summary>
/// A real Prometheus on loopback over known data: the OpenMetrics text is backfilled into a fresh data folder with
/// <c>promtool tsdb create-blocks-from openmetrics</c>, the server starts on a free port with a configuration that
/// scrapes nothing and loads the given rules file (evaluated every second), and <see cref="StartAsync"/> returns
/// once <c>/-/ready</c> answers. Disposing stops it and deletes the folder.
/// </summary>
public sealed class PrometheusServer : IAsyncDisposable
{
    // Backfilled blocks are years old; retention shorter than their age would delete them at start.
    private const string Retention = "100y";

    private readonly Process process;
    private readonly string folder;
    private readonly StringBuilder log;

    private PrometheusServer(Process process, string folder, StringBuilder log, Uri address)
    {
        this.process = process;
        this.folder = folder;
        this.log = log;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>What the server has logged so far, for failure messages.</summary>
    public string Log
    {
        get
        {
            lock (log)
            {
                return log.ToString();
            }
        }
    }

    public static async Task<PrometheusServer> StartAsync(string openMetrics, string? rules = null)
    {
        var prometheus = PrometheusBinaries.Prometheus;
        var promtool = PrometheusBinaries.Promtool;
        var folder = Directory.CreateTempSubdirectory("lockstep-prometheus-").FullName;
        var data = Path.Combine(folder, "data");
        await File.WriteAllTextAsync(Path.Combine(folder, "series.om"), openMetrics);
        var (code, output) = await Tool.RunAsync(promtool, "tsdb", "create-blocks-from", "openmetrics", Path.Combine(folder, "series.om"), data);
        if (code != 0)
        {
            Directory.Delete(folder, recursive: true);
            throw new InvalidOperationException($"promtool could not backfill the series (exit {code}): {output}");
        }

        var config = new StringBuilder("global:\n  evaluation_interval: 1s\n");
        if (rules is not null)
        {
            await File.WriteAllTextAsync(Path.Combine(folder, "rules.yml"), rules);
            config.Append("rule_files:\n  - rules.yml\n");
        }

        await File.WriteAllTextAsync(Path.Combine(folder, "prometheus.yml"), config.ToString());
        var port = FreePort();
        var start = new ProcessStartInfo(prometheus) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[]
        {
            $"--config.file={Path.Combine(folder, "prometheus.yml")}",
            $"--storage.tsdb.path={data}",
            $"--storage.tsdb.retention.time={Retention}",
            string.Create(CultureInfo.InvariantCulture, $"--web.listen-address=127.0.0.1:{port}"),
        })
        {
            start.ArgumentList.Add(argument);
        }

        var log = new StringBuilder();
        var process = Process.Start(start) ?? throw new InvalidOperationException("prometheus did not start");
        process.OutputDataReceived += (_, e) => Append(log, e.Data);
        process.ErrorDataReceived += (_, e) => Append(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new PrometheusServer(process, folder, log, new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/")));
        try
        {
            await server.WaitUntilReadyAsync();
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
        Directory.Delete(folder, recursive: true);
    }

    private static void Append(StringBuilder log, string? line)
    {
        if (line is not null)
        {
            lock (log)
            {
                log.AppendLine(line);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task WaitUntilReadyAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"prometheus exited with {process.ExitCode} before it was ready:\n{Log}");
            }

            try
            {
                using var answer = await http.GetAsync(new Uri(Address, "-/ready"));
                if (answer.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Listening, but not answering yet.
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException($"prometheus was not ready within 60 s:\n{Log}");
    }
}

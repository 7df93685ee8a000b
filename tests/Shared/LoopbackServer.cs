using System.Net;
using System.Net.Sockets;
using System.Text;
using WireMock;
using WireMock.Server;
using WireMock.Settings;
using WireMock.Types;
using WireMock.Util;

namespace Lockstep.Tests.Shared;

/// <summary>What the WireMock.Net fakes of GitHub and Azure DevOps share: a server on a free loopback port, answers, query strings, <c>Link</c> headers, and the log.</summary>
internal static class LoopbackServer
{
    public static WireMockServer Start() =>
        WireMockServer.Start(new WireMockServerSettings { Urls = [$"http://127.0.0.1:{FreeLoopbackPort()}"] });

    public static ResponseMessage Answer(int status, string body, string contentType = "application/json; charset=utf-8", IReadOnlyDictionary<string, string>? headers = null)
    {
        var response = new ResponseMessage
        {
            StatusCode = status,
            Headers = new Dictionary<string, WireMockList<string>>(),
            BodyData = new BodyData { BodyAsString = body, DetectedBodyType = BodyType.String, Encoding = Encoding.UTF8 },
        };
        response.AddHeader("Content-Type", contentType);
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            response.AddHeader(name, value);
        }

        return response;
    }

    public static IReadOnlyList<string> AuthorizationHeaders(WireMockServer server) =>
        server.LogEntries.SelectMany(e => e.RequestMessage.Headers?.TryGetValue("Authorization", out var values) == true ? values.ToArray() : []).ToList();

    /// <summary>Compares the requests received as lines, so a failure shows them whole.</summary>
    public static void AssertRequests(IReadOnlyList<string> expected, IReadOnlyList<string> actual)
    {
        var received = string.Join('\n', actual);
        Assert.True(string.Join('\n', expected) == received, $"requests received:\n{received}");
    }

    /// <summary>A query string's parameters, unescaped.</summary>
    public static Dictionary<string, string> Parameters(string? rawQuery) =>
        (rawQuery ?? string.Empty).TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(kv => kv[0], kv => kv.Length > 1 ? Uri.UnescapeDataString(kv[1]) : string.Empty);

    /// <summary>A <c>Link</c> header as GitHub sends it: <c>prev</c>, <c>next</c>, <c>last</c> and <c>first</c> as they apply.</summary>
    public static string Links(int page, int last, Func<int, string> url)
    {
        var links = new List<string>();
        if (page > 1)
        {
            links.Add($"<{url(page - 1)}>; rel=\"prev\"");
        }

        if (page < last)
        {
            links.Add($"<{url(page + 1)}>; rel=\"next\"");
            links.Add($"<{url(last)}>; rel=\"last\"");
        }

        if (page > 1)
        {
            links.Add($"<{url(1)}>; rel=\"first\"");
        }

        return string.Join(", ", links);
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

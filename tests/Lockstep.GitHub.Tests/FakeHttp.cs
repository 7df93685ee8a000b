using System.Net;
using System.Net.Sockets;
using System.Text;
using WireMock;
using WireMock.Types;
using WireMock.Util;

namespace Lockstep.GitHub.Tests;

/// <summary>What the WireMock.Net stand-ins for GitHub share: free loopback ports, JSON answers, query strings, <c>Link</c> headers.</summary>
internal static class FakeHttp
{
    public static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static ResponseMessage Json(int status, string json)
    {
        var response = new ResponseMessage
        {
            StatusCode = status,
            Headers = new Dictionary<string, WireMockList<string>>(),
            BodyData = new BodyData { BodyAsString = json, DetectedBodyType = BodyType.String, Encoding = Encoding.UTF8 },
        };
        response.AddHeader("Content-Type", "application/json; charset=utf-8");
        return response;
    }

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
}

using System.Net;
using System.Net.Sockets;
using System.Text;
using WireMock;
using WireMock.Server;
using WireMock.Settings;
using WireMock.Types;
using WireMock.Util;

namespace Lockstep.Tests.Shared;

/// <summary>What the WireMock.Net fakes of GitHub and Azure DevOps share: a server on a free loopback port, answers, and the log.</summary>
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

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

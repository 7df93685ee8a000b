using System.Collections.Concurrent;
using WireMock;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Lockstep.Tests.Shared;

/// <summary>
/// Named routes of a stand-in server whose next answer can be replaced by a fault: the route's next request gets the
/// fault instead, or (with <c>afterStoring</c>) is carried out first, as when the server stored it and the answer was lost.
/// </summary>
internal sealed class FaultedRoutes(WireMockServer server)
{
    private readonly ConcurrentQueue<(string Route, int Status, string Body, IReadOnlyDictionary<string, string> Headers, bool AfterStoring)> faults = new();

    public void Fail(string route, int status, string body, IReadOnlyDictionary<string, string>? headers = null, bool afterStoring = false) =>
        faults.Enqueue((route, status, body, headers ?? new Dictionary<string, string>(), afterStoring));

    public void Map(string name, string method, IStringMatcher path, Func<IRequestMessage, ResponseMessage> answer) =>
        server.Given(Request.Create().WithPath(path).UsingMethod(method))
            .RespondWith(Response.Create().WithCallback(request =>
            {
                if (!faults.TryPeek(out var fault) || fault.Route != name || !faults.TryDequeue(out fault))
                {
                    return answer(request);
                }

                if (fault.AfterStoring)
                {
                    answer(request);
                }

                return LoopbackServer.Answer(fault.Status, fault.Body, headers: fault.Headers);
            }));
}

using System.Net;

namespace Lockstep.Http.Tests;

/// <summary>A transport that gives the queued answers in order (then 200 OK), and records the requests it was sent.</summary>
internal sealed class ScriptedTransport : HttpMessageHandler
{
    private readonly Queue<Func<HttpResponseMessage>> answers = new();
    private readonly List<string> requests = [];

    public IReadOnlyList<string> Requests
    {
        get
        {
            lock (requests)
            {
                return [.. requests];
            }
        }
    }

    public ScriptedTransport Then(HttpStatusCode status, string body = "{}", params (string Name, string Value)[] headers)
    {
        answers.Enqueue(() =>
        {
            var answer = new HttpResponseMessage(status) { Content = new StringContent(body) };
            foreach (var (name, value) in headers)
            {
                answer.Headers.TryAddWithoutValidation(name, value);
            }

            return answer;
        });
        return this;
    }

    public ScriptedTransport ThenNetworkFailure()
    {
        answers.Enqueue(() => throw new HttpRequestException("connection reset"));
        return this;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        lock (requests)
        {
            requests.Add($"{request.Method} {request.RequestUri!.AbsolutePath}");
        }

        return Task.FromResult(answers.TryDequeue(out var next) ? next() : new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{}") });
    }
}

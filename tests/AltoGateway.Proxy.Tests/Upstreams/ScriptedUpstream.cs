using AltoGateway.Alto.Costs;
using AltoGateway.Alto.Errors;
using AltoGateway.Alto.Messages;
using AltoGateway.Proxy.Upstreams;

namespace AltoGateway.Proxy.Tests.Upstreams;

/// <summary>
/// An upstream that plays a script, one step per ECS it is sent, and records what it was sent.
/// Asking it more often than scripted fails the test. Its failures' messages are the kind in lower case.
/// </summary>
internal sealed class ScriptedUpstream(string name) : IAltoUpstream
{
    private readonly Lock _lock = new();
    private readonly Queue<Func<CancellationToken, Task<UpstreamAnswer<EndpointCostResponse>>>> _script = new();
    private readonly List<EndpointCostRequest> _calls = [];
    private readonly List<TaskCompletionSource> _called = [];

    public static EndpointCostResponse Response { get; } = new()
    {
        Meta = new ResponseMeta { CostType = new CostType(CostMode.Numerical, CostMetric.RoutingCost) },
        EndpointCostMap = new() { ["ipv4:192.0.2.2"] = new() { ["ipv4:192.0.2.89"] = 1 } },
    };

    public string Name => name;

    public int Calls
    {
        get
        {
            lock (_lock)
            {
                return _calls.Count;
            }
        }
    }

    public ScriptedUpstream Answers(IReadOnlyList<string>? tolerated = null) =>
        Then(_ => Task.FromResult(new UpstreamAnswer<EndpointCostResponse>(Response, tolerated)));

    public ScriptedUpstream Fails(UpstreamFailureKind kind, TimeSpan? retryAfter = null, AltoError? serverError = null, IReadOnlyList<string>? tolerated = null) =>
        Then(_ => Task.FromResult(new UpstreamAnswer<EndpointCostResponse>(
            new UpstreamFailure(kind, kind.ToString().ToLowerInvariant(), retryAfter, serverError), tolerated)));

    public ScriptedUpstream Then(Func<CancellationToken, Task<UpstreamAnswer<EndpointCostResponse>>> step)
    {
        lock (_lock)
        {
            _script.Enqueue(step);
        }

        return this;
    }

    /// <summary>Completes when the upstream has been sent its <paramref name="count"/>th request.</summary>
    public Task WhenCalled(int count)
    {
        lock (_lock)
        {
            return Signal(count).Task;
        }
    }

    public Task<UpstreamAnswer<EndpointCostResponse>> EndpointCostAsync(EndpointCostRequest request, CancellationToken cancellationToken)
    {
        Func<CancellationToken, Task<UpstreamAnswer<EndpointCostResponse>>> step;
        TaskCompletionSource called;
        lock (_lock)
        {
            Assert.True(_script.Count > 0, $"{name} was asked more often than scripted ({_calls.Count + 1} times)");
            step = _script.Dequeue();
            _calls.Add(request);
            called = Signal(_calls.Count);
        }

        called.TrySetResult();
        return step(cancellationToken);
    }

    public Task<UpstreamAnswer<EndpointPropertyResponse>> EndpointPropertiesAsync(EndpointPropertyRequest request, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("the chain tests send ECS only");

    private TaskCompletionSource Signal(int count)
    {
        while (_called.Count < count)
        {
            _called.Add(new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        }

        return _called[count - 1];
    }
}

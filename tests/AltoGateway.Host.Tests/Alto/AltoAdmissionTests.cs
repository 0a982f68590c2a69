using System.Diagnostics.Metrics;
using System.Text;
using AltoGateway.Host.Alto;
using AltoGateway.Host.Configuration;
using AltoGateway.Host.Metrics;
using AltoGateway.Tests.Shared;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AltoGateway.Host.Tests.Alto;

public sealed class AltoAdmissionTests : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly PrometheusExporter _exporter;
    private readonly FakeTimeProvider _time = new();
    private readonly RecordingLogger<AltoAdmission> _log = new();
    private readonly AltoAdmission _admission;

    public AltoAdmissionTests()
    {
        var factory = _services.GetRequiredService<IMeterFactory>();
        _exporter = new PrometheusExporter(factory);
        _admission = new AltoAdmission(new AltoOptions { MaxConcurrentRequests = 1, QueueLength = 0, RetryAfterSeconds = 7 }, new AltoMetrics(factory), _time, _log);
    }

    public void Dispose()
    {
        _admission.Dispose();
        _exporter.Dispose();
        _services.Dispose();
    }

    [Fact]
    public async Task Beyond_the_limits_a_request_is_503_with_retry_after_and_an_alto_error()
    {
        var release = new TaskCompletionSource();
        var held = _admission.Admit(_ => release.Task)(Context(out _));

        var refused = Context(out var body);
        await _admission.Admit(_ => throw new InvalidOperationException("must not run"))(refused);

        Assert.Equal(503, refused.Response.StatusCode);
        Assert.Equal("7", refused.Response.Headers.RetryAfter.ToString());
        Assert.Equal("application/alto-error+json", refused.Response.ContentType);
        Assert.Equal(
            """{"meta":{"code":"E_SYNTAX","syntax-error":"the ALTO server is overloaded: 1 request in progress and 0 waiting; retry after 7 s"}}""",
            Encoding.UTF8.GetString(body.ToArray()));
        Assert.Equal(body.Length, refused.Response.ContentLength);
        var samples = PrometheusText.Parse(_exporter.Scrape());
        Assert.Equal(1, samples["altogw_alto_rejected_total{reason=\"overload\"}"]);
        Assert.Equal(1, samples["altogw_alto_requests_in_progress"]);

        release.SetResult();
        await held;
        var admitted = Context(out _);
        await _admission.Admit(c => { c.Response.StatusCode = 200; return Task.CompletedTask; })(admitted);
        Assert.Equal(200, admitted.Response.StatusCode);
        Assert.Equal(0, PrometheusText.Parse(_exporter.Scrape())["altogw_alto_requests_in_progress"]);
    }

    [Fact]
    public async Task Overload_is_logged_at_first_and_then_at_most_once_per_interval_with_the_count()
    {
        var release = new TaskCompletionSource();
        var held = _admission.Admit(_ => release.Task)(Context(out _));

        for (var i = 0; i < 3; i++)
        {
            await _admission.Admit(_ => Task.CompletedTask)(Context(out _));
        }

        _time.Advance(AltoAdmission.ReportInterval);
        await _admission.Admit(_ => Task.CompletedTask)(Context(out _));
        release.SetResult();
        await held;

        Assert.Equal(
            [
                "Built-in ALTO server overloaded: 1 request(s) answered 503 since the last report (1 in progress and 0 waiting at most); reported at most every 00:00:10",
                "Built-in ALTO server overloaded: 3 request(s) answered 503 since the last report (1 in progress and 0 waiting at most); reported at most every 00:00:10",
            ],
            _log.Messages(4020));
        Assert.Equal(4, PrometheusText.Parse(_exporter.Scrape())["altogw_alto_rejected_total{reason=\"overload\"}"]);
    }

    [Fact]
    public void The_overload_text_names_the_limits()
    {
        Assert.Equal("the ALTO server is overloaded: 64 requests in progress and 128 waiting; retry after 1 s", AltoAdmission.OverloadText(new AltoOptions()));
    }

    private static DefaultHttpContext Context(out MemoryStream body)
    {
        body = new MemoryStream();
        var context = new DefaultHttpContext();
        context.Request.Method = HttpMethods.Get;
        context.Response.Body = body;
        return context;
    }
}

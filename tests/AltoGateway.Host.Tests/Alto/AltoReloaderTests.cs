using System.Diagnostics.Metrics;
using AltoGateway.Health;
using AltoGateway.Host.Alto;
using AltoGateway.Host.Configuration;
using AltoGateway.Host.Metrics;
using AltoGateway.Tests.Shared;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AltoGateway.Host.Tests.Alto;

public sealed class AltoReloaderTests : IDisposable
{
    private const string Original = """{ "Alto": { "Pids": { "lan": [ "10.0.0.0/8" ], "world": [ "0.0.0.0/0", "::/0" ] } } }""";
    private readonly string _folder = Directory.CreateTempSubdirectory("altogw-reload-").FullName;
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly PrometheusExporter _exporter;
    private readonly RecordingLogger<AltoReloader> _log = new();
    private readonly AltoServer _server;
    private readonly AltoReloader _reloader;

    public AltoReloaderTests()
    {
        var factory = _services.GetRequiredService<IMeterFactory>();
        _exporter = new PrometheusExporter(factory);
        File.WriteAllText(FilePath, Original);
        var running = AgentConfiguration.Load(FilePath, []) ?? throw new InvalidOperationException("the test file does not load");
        _server = new AltoServer(AgentConfiguration.Alto(running), new HealthRegistry(TimeProvider.System), new RecordingLogger<AltoServer>());
        _reloader = new AltoReloader(_server, AltoConfigurationSource.From(running), running, new AltoMetrics(factory), _log);
    }

    private string FilePath => Path.Combine(_folder, "altogateway.json");

    public void Dispose()
    {
        _exporter.Dispose();
        _services.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void The_source_is_the_file_named_on_the_command_line()
    {
        var source = AltoConfigurationSource.From(AgentConfiguration.Load(FilePath, [])!);

        Assert.Equal(FilePath, source.File);
        Assert.True(source.Required);
    }

    [Fact]
    public void A_new_prefix_is_applied_with_a_new_vtag()
    {
        var before = _server.Current!;
        File.WriteAllText(FilePath, Original.Replace("10.0.0.0/8", "10.0.0.0/16", StringComparison.Ordinal));

        Assert.Equal(AltoReloadResult.Applied, _reloader.Reload("test"));

        var after = _server.Current!;
        Assert.NotEqual(before.Vtag, after.Vtag);
        Assert.Equal(["10.0.0.0/16"], after.Maps.Groups["lan"]["ipv4"]);
        Assert.Equal([$"Built-in ALTO server reloaded (test): network map vtag {before.Vtag.Tag} -> {after.Vtag.Tag}, 2 PIDs (lan, world)"], _log.Messages(4012));
        Assert.Equal(1, Reloads("applied"));
    }

    [Fact]
    public void The_same_configuration_is_unchanged_and_keeps_the_engine()
    {
        var before = _server.Current;

        Assert.Equal(AltoReloadResult.Unchanged, _reloader.Reload("SIGHUP"));

        Assert.Same(before, _server.Current);
        Assert.Equal([$"Built-in ALTO server reload (SIGHUP): maps unchanged, vtag {before!.Vtag.Tag}"], _log.Messages(4013));
        Assert.Equal(1, Reloads("unchanged"));
        Assert.Equal(0, Reloads("applied"));
    }

    [Fact]
    public void A_cost_change_is_applied_with_the_same_vtag()
    {
        var before = _server.Current!;
        File.WriteAllText(FilePath, Original.Replace("} } }", """}, "Costs": { "lan": { "world": 4 } } } }""", StringComparison.Ordinal));

        Assert.Equal(AltoReloadResult.Applied, _reloader.Reload("test"));

        Assert.Equal(before.Vtag, _server.Current!.Vtag);
        Assert.Equal(4, _server.Current.Maps.Numerical["lan"]["world"]);
    }

    [Fact]
    public void An_invalid_alto_section_is_rejected_with_every_problem_and_the_old_maps_stay()
    {
        var before = _server.Current;
        File.WriteAllText(FilePath, """{ "Alto": { "Pids": { "lan": [ "10.0.0.0/8", "10.1.2.3/8" ], "world": [ "0.0.0.0/0", "::/0" ] }, "QueueLength": -1 } }""");

        Assert.Equal(AltoReloadResult.Rejected, _reloader.Reload("file change"));

        Assert.Same(before, _server.Current);
        Assert.Equal(
            [
                "Built-in ALTO server reload (file change) rejected: Alto:QueueLength: The field AltoOptions.QueueLength must be between 0 and 65536.",
                "Built-in ALTO server reload (file change) rejected: Alto:Pids:lan:1: '10.1.2.3/8' is not an IPv4 or IPv6 prefix (HostBitsSet); expected e.g. 192.168.0.0/16 or fc00::/7",
            ],
            _log.Messages(4014));
        Assert.Equal([$"Built-in ALTO server reload (file change) rejected with 2 problem(s); still serving vtag {before!.Vtag.Tag}"], _log.Messages(4015));
        Assert.Equal(1, Reloads("rejected"));
    }

    [Fact]
    public void A_file_that_does_not_parse_is_rejected()
    {
        File.WriteAllText(FilePath, """{ "Alto": { "Pids": """);

        Assert.Equal(AltoReloadResult.Rejected, _reloader.Reload("SIGHUP"));

        Assert.Single(_log.Messages(4014), m => m.StartsWith($"Built-in ALTO server reload (SIGHUP) rejected: {FilePath}: cannot be read: ", StringComparison.Ordinal));
    }

    [Fact]
    public void Changes_outside_the_maps_are_reported_once_as_needing_a_restart_and_do_not_block_the_maps()
    {
        File.WriteAllText(FilePath, Original.Replace("10.0.0.0/8", "10.0.0.0/9", StringComparison.Ordinal)
            .Replace("} } }", """} , "MaxConcurrentRequests": 2 }, "Http": { "MaxRequestBodyBytes": 5 } }""", StringComparison.Ordinal));

        Assert.Equal(AltoReloadResult.Applied, _reloader.Reload("SIGHUP"));
        Assert.Equal(AltoReloadResult.Unchanged, _reloader.Reload("SIGHUP"));

        Assert.Equal(["Configuration changed outside Alto:Pids and Alto:Costs; these keys take effect only at restart: Alto:MaxConcurrentRequests, Http:MaxRequestBodyBytes"], _log.Messages(4017));
        Assert.Equal(
            [
                "Configuration problem outside the Alto section, not applied live (the agent would not start with it): Http:MaxRequestBodyBytes: The field HttpOptions.MaxRequestBodyBytes must be between 1024 and 16777216.",
                "Configuration problem outside the Alto section, not applied live (the agent would not start with it): Http:MaxRequestBodyBytes: The field HttpOptions.MaxRequestBodyBytes must be between 1024 and 16777216.",
            ],
            _log.Messages(4016));
    }

    [Fact]
    public void A_file_event_without_new_content_is_skipped()
    {
        Assert.Null(_reloader.ReloadIfFileChanged("file change"));
        File.WriteAllText(FilePath, Original.Replace("10.0.0.0/8", "10.0.0.0/12", StringComparison.Ordinal));

        Assert.Equal(AltoReloadResult.Applied, _reloader.ReloadIfFileChanged("file change"));
        Assert.Null(_reloader.ReloadIfFileChanged("file change"));
        Assert.Equal(1, Reloads("applied"));
        Assert.Equal(0, Reloads("unchanged"));
    }

    [Fact]
    public void A_configuration_without_a_file_reloads_as_unchanged()
    {
        var memory = new ConfigurationBuilder().AddInMemoryCollection([]).Build();
        var source = AltoConfigurationSource.From(memory);
        var reloader = new AltoReloader(_server, source, memory, new AltoMetrics(_services.GetRequiredService<IMeterFactory>()), _log);

        Assert.Null(source.File);
        Assert.Equal(AltoReloadResult.Applied, reloader.Reload("SIGHUP")); // the default map replaces the file's
        Assert.Equal(AltoReloadResult.Unchanged, reloader.Reload("SIGHUP"));
    }

    private double Reloads(string result) =>
        PrometheusText.Parse(_exporter.Scrape())[$"altogw_alto_reloads_total{{result=\"{result}\"}}"];
}

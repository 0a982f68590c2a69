using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.Options;

namespace AltoGateway.Host.Configuration;

/// <summary>
/// Loads the agent's configuration from its three layers and checks all of it at once:
/// the embedded default, then <c>/etc/altogateway/altogateway.json</c> (or <c>--config FILE</c>),
/// then <c>ALTOGW__Section__Key</c> environment variables.
/// </summary>
internal static partial class AgentConfiguration
{
    public const string SystemFile = "/etc/altogateway/altogateway.json";
    public const string EnvironmentPrefix = "ALTOGW__";
    public const string EmbeddedDefaultName = "altogateway.default.json";

    /// <summary>Top-level sections the agent knows; anything else is a typo worth reporting.</summary>
    private static readonly string[] KnownSections =
        ["Logging", HttpOptions.SectionName, NatOptions.SectionName, PeerIdOptions.SectionName, StateOptions.SectionName, ControlOptions.SectionName, AltoOptions.SectionName, ProxyOptions.SectionName, DiscoveryOptions.SectionName, HardwareOptions.SectionName, DhcpOptions.SectionName];

    /// <summary>Builds the layered configuration. Unreadable files are problems, not exceptions.</summary>
    public static IConfigurationRoot? Load(string? explicitFile, List<ConfigurationProblem> problems)
    {
        var builder = new ConfigurationBuilder();
        builder.Add(new JsonStreamConfigurationSource { Stream = OpenEmbeddedDefault() });
        string file;
        if (explicitFile is not null)
        {
            file = Path.GetFullPath(explicitFile);
            if (!File.Exists(file))
            {
                problems.Add(new ConfigurationProblem("--config", $"file '{explicitFile}' does not exist"));
                return null;
            }
        }
        else
        {
            file = SystemFile;
        }

        builder.AddJsonFile(file, optional: explicitFile is null, reloadOnChange: false);
        builder.AddEnvironmentVariables(EnvironmentPrefix);
        try
        {
            return builder.Build();
        }
        catch (Exception ex) when (ex is InvalidDataException or FormatException or IOException or UnauthorizedAccessException)
        {
            var detail = ex.GetBaseException().Message;
            problems.Add(new ConfigurationProblem(file, $"cannot be read: {detail}"));
            return null;
        }
    }

    /// <summary>Every problem of the configuration, in key order of appearance.</summary>
    public static List<ConfigurationProblem> Check(IConfiguration configuration)
    {
        var problems = new List<ConfigurationProblem>();
        foreach (var section in configuration.GetChildren())
        {
            if (!KnownSections.Contains(section.Key, StringComparer.OrdinalIgnoreCase))
            {
                problems.Add(new ConfigurationProblem(section.Key, $"unknown section (known: {string.Join(", ", KnownSections)})"));
            }
        }

        CheckSection(configuration, HttpOptions.SectionName, problems, new HttpOptionsValidator(),
            static (section, options) => section.Get<HttpOptions>(options));
        WanCredentialFiles.Check(configuration, problems);
        CheckSection(configuration, NatOptions.SectionName, problems, new NatOptionsValidator(),
            static (section, options) => section.Get<NatOptions>(options));
        CheckSection(configuration, PeerIdOptions.SectionName, problems, new PeerIdOptionsValidator(),
            static (section, options) => section.Get<PeerIdOptions>(options));
        CheckSection(configuration, StateOptions.SectionName, problems, new StateOptionsValidator(),
            static (section, options) => section.Get<StateOptions>(options));
        CheckSection(configuration, ControlOptions.SectionName, problems, new ControlOptionsValidator(),
            static (section, options) => section.Get<ControlOptions>(options));
        CheckSection(configuration, AltoOptions.SectionName, problems, new AltoOptionsValidator(),
            static (section, options) => section.Get<AltoOptions>(options));
        CheckSection(configuration, ProxyOptions.SectionName, problems, new ProxyOptionsValidator(),
            static (section, options) => section.Get<ProxyOptions>(options));
        CheckSection(configuration, DiscoveryOptions.SectionName, problems, new DiscoveryOptionsValidator(),
            static (section, options) => section.Get<DiscoveryOptions>(options));
        CheckDiscoveryZones(configuration, problems);
        CheckSection(configuration, HardwareOptions.SectionName, problems, new HardwareOptionsValidator(),
            static (section, options) => section.Get<HardwareOptions>(options));
        CheckHardwareBoard(configuration, problems);
        CheckSection(configuration, DhcpOptions.SectionName, problems, new DhcpOptionsValidator(),
            static (section, options) => section.Get<DhcpOptions>(options));
        global::AltoGateway.Host.Dhcp.DhcpSettings.Check(configuration, problems);
        return problems;
    }

    /// <summary>The bound <c>Http</c> section; call only on a configuration that passed <see cref="Check"/>.</summary>
    public static HttpOptions Http(IConfiguration configuration) =>
        configuration.GetSection(HttpOptions.SectionName).Get<HttpOptions>() ?? new HttpOptions();

    /// <summary>The bound <c>Nat</c> section; call only on a configuration that passed <see cref="Check"/>.</summary>
    public static NatOptions Nat(IConfiguration configuration) =>
        configuration.GetSection(NatOptions.SectionName).Get<NatOptions>() ?? new NatOptions();

    /// <summary>The bound <c>PeerIds</c> section; call only on a configuration that passed <see cref="Check"/>.</summary>
    public static PeerIdOptions PeerIds(IConfiguration configuration) =>
        configuration.GetSection(PeerIdOptions.SectionName).Get<PeerIdOptions>() ?? new PeerIdOptions();

    /// <summary>The bound <c>State</c> section; call only on a configuration that passed <see cref="Check"/>.</summary>
    public static StateOptions State(IConfiguration configuration) =>
        configuration.GetSection(StateOptions.SectionName).Get<StateOptions>() ?? new StateOptions();

    /// <summary>The bound <c>Control</c> section; call only on a configuration that passed <see cref="Check"/>.</summary>
    public static ControlOptions Control(IConfiguration configuration) =>
        configuration.GetSection(ControlOptions.SectionName).Get<ControlOptions>() ?? new ControlOptions();

    /// <summary>The bound <c>Alto</c> section; call only on a configuration that passed <see cref="Check"/>.</summary>
    public static AltoOptions Alto(IConfiguration configuration) =>
        configuration.GetSection(AltoOptions.SectionName).Get<AltoOptions>() ?? new AltoOptions();

    /// <summary>The bound <c>Proxy</c> section; call only on a configuration that passed <see cref="Check"/>.</summary>
    public static ProxyOptions Proxy(IConfiguration configuration) =>
        configuration.GetSection(ProxyOptions.SectionName).Get<ProxyOptions>() ?? new ProxyOptions();

    /// <summary>The bound <c>Discovery</c> section; call only on a configuration that passed <see cref="Check"/>.</summary>
    public static DiscoveryOptions Discovery(IConfiguration configuration) =>
        configuration.GetSection(DiscoveryOptions.SectionName).Get<DiscoveryOptions>() ?? new DiscoveryOptions();

    /// <summary>The bound <c>Hardware</c> section; call only on a configuration that passed <see cref="Check"/>.</summary>
    public static HardwareOptions Hardware(IConfiguration configuration) =>
        configuration.GetSection(HardwareOptions.SectionName).Get<HardwareOptions>() ?? new HardwareOptions();

    /// <summary>
    /// The board file <c>Hardware:Board</c> names (relative paths below the configuration file's folder):
    /// readable, and pins that exist, none used twice, every role mapped or absent, valid polarities.
    /// </summary>
    private static void CheckHardwareBoard(IConfiguration configuration, List<ConfigurationProblem> problems)
    {
        if (problems.Any(p => p.Key == HardwareOptions.SectionName || p.Key.StartsWith(HardwareOptions.SectionName + ":", StringComparison.OrdinalIgnoreCase)))
        {
            return;
        }

        var board = Hardware(configuration).Board;
        if (board.Length == 0)
        {
            return;
        }

        var found = new List<global::AltoGateway.Hardware.Boards.BoardProblem>();
        _ = global::AltoGateway.Hardware.Boards.BoardFile.Load(board, ConfigurationFileDirectory.Of(configuration), found);
        const string key = HardwareOptions.SectionName + ":Board";
        problems.AddRange(found.Select(p => new ConfigurationProblem(p.Key.Length == 0 ? key : $"{key}:{p.Key}", $"{p.Message} (board '{board}')")));
    }

    /// <summary>
    /// The discovery responder's zones draw on the listeners, the NAT and the proxy sections, so they are
    /// checked once those sections read well: levels against prefixes, directory URIs, defaults, and DNS
    /// listen addresses that would take an HTTP listener's TCP port.
    /// </summary>
    private static void CheckDiscoveryZones(IConfiguration configuration, List<ConfigurationProblem> problems)
    {
        string[] inputs = [DiscoveryOptions.SectionName, HttpOptions.SectionName, NatOptions.SectionName, ProxyOptions.SectionName, PeerIdOptions.SectionName];
        if (problems.Any(p => inputs.Any(section => p.Key == section || p.Key.StartsWith(section + ":", StringComparison.OrdinalIgnoreCase))))
        {
            return;
        }

        var discovery = Discovery(configuration);
        if (!discovery.Enabled)
        {
            return;
        }

        var listeners = new global::AltoGateway.Host.Http.ListenerMap(Http(configuration));
        var endpoints = discovery.Listen;
        for (var i = 0; i < endpoints.Count; i++)
        {
            if (!StaticMappingOptions.TryParseEndpoint(endpoints[i], out var endpoint))
            {
                continue;
            }

            var any = endpoint!.Address.Equals(System.Net.IPAddress.Any) || endpoint.Address.Equals(System.Net.IPAddress.IPv6Any);
            var dns = new ListenerEndpoint(endpoints[i], any ? ListenerHost.AnyAddress : ListenerHost.Address, endpoint.Address, endpoint.Port);
            foreach (var http in listeners.Lan.Concat(listeners.Wan).Where(http => http.Overlaps(dns)))
            {
                problems.Add(new ConfigurationProblem($"{DiscoveryOptions.SectionName}:Listen:{i}", $"'{endpoints[i]}' takes the TCP port of the HTTP listener '{http.Url}'"));
            }
        }

        _ = global::AltoGateway.Host.Discovery.DiscoveryZoneSettings.TryBuild(discovery, listeners, Nat(configuration), Proxy(configuration), PeerIds(configuration), problems);
    }

    private static void Strict(BinderOptions options) => options.ErrorOnUnknownConfiguration = true;

    /// <summary>
    /// Binds one section strictly and runs its generated validator. <paramref name="bind"/> is a
    /// lambda with the concrete type so that the configuration binding generator (AOT) sees the call.
    /// </summary>
    private static void CheckSection<T>(IConfiguration configuration, string name, List<ConfigurationProblem> problems, IValidateOptions<T> validator, Func<IConfigurationSection, Action<BinderOptions>, T?> bind)
        where T : class
    {
        var options = BindStrict(configuration, name, problems, bind);
        if (options is not null)
        {
            AddFailures(problems, name, validator.Validate(null, options));
        }
    }

    /// <summary>
    /// Binds a section, reporting unknown keys (typos) and unconvertible values. After an unknown
    /// key the section is bound again leniently, so its values are still checked.
    /// </summary>
    private static T? BindStrict<T>(IConfiguration configuration, string name, List<ConfigurationProblem> problems, Func<IConfigurationSection, Action<BinderOptions>, T?> bind)
        where T : class
    {
        var section = configuration.GetSection(name);
        try
        {
            return bind(section, Strict);
        }
        catch (InvalidOperationException ex)
        {
            var unknown = UnknownKeys().Match(ex.Message);
            problems.Add(unknown.Success
                ? new ConfigurationProblem(name, $"unknown key(s) {unknown.Groups["keys"].Value} in this section or one of its objects")
                : ConversionProblem(name, ex.Message));
            if (!unknown.Success)
            {
                return null;
            }
        }

        try
        {
            return bind(section, static _ => { });
        }
        catch (InvalidOperationException)
        {
            return null; // a value that does not convert; reported above only if it came first
        }
    }

    private static void AddFailures(List<ConfigurationProblem> problems, string section, ValidateOptionsResult result)
    {
        if (!result.Failed || result.Failures is null)
        {
            return;
        }

        foreach (var failure in result.Failures)
        {
            problems.Add(ToProblem(section, failure));
        }
    }

    /// <summary>
    /// The options validation pipeline words a failure as "Member: text" (nested members dotted);
    /// it becomes "Section:Member: text" here.
    /// </summary>
    private static ConfigurationProblem ToProblem(string section, string failure)
    {
        var separator = failure.IndexOf(": ", StringComparison.Ordinal);
        if (separator <= 0 || failure.AsSpan(0, separator).ContainsAny(' ', ','))
        {
            return new ConfigurationProblem(section, failure);
        }

        return new ConfigurationProblem($"{section}:{failure[..separator].Replace('.', ':')}", failure[(separator + 2)..]);
    }

    /// <summary>The binder's conversion failure names the key; the problem is keyed by it.</summary>
    private static ConfigurationProblem ConversionProblem(string section, string message)
    {
        var match = ConversionFailure().Match(message);
        return match.Success
            ? new ConfigurationProblem(match.Groups["key"].Value, $"'{match.Groups["value"].Value}' cannot be read as {match.Groups["type"].Value}")
            : new ConfigurationProblem(section, message);
    }

    private static Stream OpenEmbeddedDefault() =>
        typeof(AgentConfiguration).Assembly.GetManifestResourceStream(EmbeddedDefaultName)
        ?? throw new InvalidOperationException($"The embedded resource {EmbeddedDefaultName} is missing from the build.");

    [GeneratedRegex(@"were not found on the instance of [^:]+: (?<keys>.*)$", RegexOptions.Singleline)]
    private static partial Regex UnknownKeys();

    [GeneratedRegex(@"Failed to convert configuration value '(?<value>.*)' at '(?<key>[^']+)' to type '(?<type>[^']+)'", RegexOptions.Singleline)]
    private static partial Regex ConversionFailure();
}

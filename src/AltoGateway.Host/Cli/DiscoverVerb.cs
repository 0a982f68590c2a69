using System.CommandLine;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using AltoGateway.Discovery.Resolution;

namespace AltoGateway.Host.Cli;

/// <summary>
/// <c>altogw discover ADDRESS[/LENGTH]</c> (RFC 8686 XDOMDISC) and <c>altogw discover --domain NAME</c> (RFC 7286 §3.2):
/// which ALTO server is responsible, found through DNS the way a tracker or a peer would, with every name asked and
/// what it answered.
/// </summary>
internal static class DiscoverVerb
{
    /// <summary>One or more ALTO servers found.</summary>
    public const int ExitFound = 0;

    /// <summary>Every name answered, none with an ALTO U-NAPTR.</summary>
    public const int ExitNotFound = 1;

    /// <summary>sysexits.h EX_USAGE: a bad address, prefix length, service parameter, domain or --dns.</summary>
    public const int ExitBadParameters = 64;

    /// <summary>sysexits.h EX_UNAVAILABLE: no DNS server to ask, or not one name got an answer from it.</summary>
    public const int ExitDnsUnavailable = 69;

    /// <summary>sysexits.h EX_TEMPFAIL: nothing found, but some names failed temporarily; a retry later might do better.</summary>
    public const int ExitTemporaryFailure = 75;

    public static Command Command()
    {
        var target = new Argument<string?>("target")
        {
            Description = "IPv4 or IPv6 address, or ADDRESS/LENGTH (at least /8 for IPv4, /32 for IPv6)",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var domain = new Option<string?>("--domain", "-d") { Description = "Run the RFC 7286 lookup of this access domain instead" };
        var service = new Option<string?>("--service", "-s")
        {
            Description = $"U-NAPTR service parameter (default {DiscoveryRequest.DefaultXdomdiscService}; with --domain {DiscoveryRequest.DefaultAccessDomainService})",
        };
        var dns = new Option<string?>("--dns") { Description = $"DNS server as HOST[:PORT], IPv6 as [ADDRESS]:PORT (default: the first nameserver in {ResolvConf.SystemPath})" };
        var timeout = new Option<double>("--timeout") { Description = "Seconds to wait for each DNS answer", DefaultValueFactory = _ => 2 };
        var command = new Command("discover", """
            Find the ALTO server for an address or prefix (RFC 8686 XDOMDISC) or for an access domain (RFC 7286),
            and show every DNS name asked and what it answered.
            Exit codes: 0 found; 1 not found (every name answered); 64 bad parameters (address, prefix too short,
            service, domain, --dns); 69 DNS unavailable (no server configured, or no name got any answer);
            75 not found but some lookups failed temporarily (a retry later might do better).
            """)
        {
            target, domain, service, dns, timeout,
        };
        command.SetAction((parse, cancellation) => RunAsync(
            new DiscoverArguments(parse.GetValue(target), parse.GetValue(domain), parse.GetValue(service), parse.GetValue(dns), parse.GetValue(timeout)),
            Console.Out, Console.Error, cancellation));
        return command;
    }

    public static async Task<int> RunAsync(DiscoverArguments arguments, TextWriter output, TextWriter error, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        if (!TryRequest(arguments, out var request, out var problem))
        {
            await error.WriteLineAsync($"altogw discover: {problem}").ConfigureAwait(false);
            return ExitBadParameters;
        }

        if (!double.IsFinite(arguments.TimeoutSeconds) || arguments.TimeoutSeconds <= 0)
        {
            await error.WriteLineAsync("altogw discover: --timeout must be a positive number of seconds").ConfigureAwait(false);
            return ExitBadParameters;
        }

        var (server, exit, serverProblem) = await FindServerAsync(arguments.Dns, cancellation).ConfigureAwait(false);
        if (server is null)
        {
            await error.WriteLineAsync($"altogw discover: {serverProblem}").ConfigureAwait(false);
            return exit;
        }

        var transport = new DnsSocketTransport(new DnsTransportOptions { Timeout = TimeSpan.FromSeconds(arguments.TimeoutSeconds) });
        var resolver = new AltoDiscoveryResolver(transport, new DiscoveryResolverOptions { Server = server });
        await output.WriteLineAsync($"{Describe(request)} asking {Format(server)}").ConfigureAwait(false);
        var result = await resolver.ResolveAsync(request, cancellation).ConfigureAwait(false);
        await DiscoveryReport.WriteAsync(result, output).ConfigureAwait(false);
        return await ExitCodeAsync(result, server, error).ConfigureAwait(false);
    }

    private static bool TryRequest(DiscoverArguments arguments, out DiscoveryRequest request, out string problem)
    {
        request = null!;
        if ((arguments.Target is null) == (arguments.Domain is null))
        {
            problem = "give either an ADDRESS[/LENGTH] or --domain NAME";
            return false;
        }

        var ok = arguments.Domain is not null
            ? DiscoveryRequest.TryAccessDomain(arguments.Domain, arguments.Service, out request, out var error)
            : DiscoveryRequest.TryXdomdisc(arguments.Target, arguments.Service, out request, out error);
        var subject = error == DiscoveryRequestError.InvalidServiceParameter ? arguments.Service : arguments.Domain ?? arguments.Target;
        problem = ok ? string.Empty : $"{subject}: {DiscoveryRequest.Describe(error)}";
        return ok;
    }

    // --dns HOST[:PORT], or the first nameserver of resolv.conf (RFC 8686 §6.1 leaves DNSSEC to the system resolver).
    private static async Task<(IPEndPoint? Server, int Exit, string Problem)> FindServerAsync(string? text, CancellationToken cancellation)
    {
        if (text is null)
        {
            var conf = await ResolvConf.ReadAsync(cancellationToken: cancellation).ConfigureAwait(false);
            return conf.Nameservers.Count > 0
                ? (new IPEndPoint(conf.Nameservers[0], DnsServerAddress.DefaultPort), 0, string.Empty)
                : (null, ExitDnsUnavailable, $"no nameserver in {ResolvConf.SystemPath}; give one with --dns HOST[:PORT]");
        }

        if (!DnsServerAddress.TryParse(text, out var address, out var error))
        {
            return (null, ExitBadParameters, $"--dns {text}: {Describe(error)}");
        }

        if (address.EndPoint is { } endPoint)
        {
            return (endPoint, 0, string.Empty);
        }

        try
        {
            var found = await System.Net.Dns.GetHostAddressesAsync(address.Host, cancellation).ConfigureAwait(false);
            return found.Length > 0
                ? (new IPEndPoint(found[0], address.Port), 0, string.Empty)
                : (null, ExitDnsUnavailable, $"--dns {text}: {address.Host} has no address");
        }
        catch (SocketException ex)
        {
            return (null, ExitDnsUnavailable, $"--dns {text}: cannot resolve {address.Host}: {ex.Message}");
        }
    }

    private static async Task<int> ExitCodeAsync(DiscoveryResult result, IPEndPoint server, TextWriter error)
    {
        if (!result.Targets.IsEmpty)
        {
            return ExitFound;
        }

        if (result.NoDnsAnswer)
        {
            var reasons = string.Join("; ", result.Steps.Select(s => s.Lookup.FailureDetail).Distinct(StringComparer.Ordinal));
            await error.WriteLineAsync($"altogw discover: no usable answer from the DNS server {Format(server)} for any name: {reasons}").ConfigureAwait(false);
            return ExitDnsUnavailable;
        }

        return result.RetryMightHelp ? ExitTemporaryFailure : ExitNotFound;
    }

    private static string Describe(DiscoveryRequest request) => request.Procedure == DiscoveryProcedure.Xdomdisc
        ? $"XDOMDISC({request.Subject}, {request.Service}) (RFC 8686)"
        : $"U-NAPTR lookup of access domain {request.Subject} for {request.Service} (RFC 7286)";

    private static string Describe(DnsServerAddressError error) => error switch
    {
        DnsServerAddressError.Empty => "empty",
        DnsServerAddressError.BadBrackets => "write an IPv6 address with a port as [ADDRESS]:PORT",
        DnsServerAddressError.BadIpv6Address => "not an IPv6 address",
        DnsServerAddressError.BadPort => "the port must be 1–65535",
        _ => "not an IP address or host name",
    };

    internal static string Format(IPEndPoint server) =>
        server.AddressFamily == AddressFamily.InterNetworkV6
            ? $"[{server.Address}]:{server.Port.ToString(CultureInfo.InvariantCulture)}"
            : server.ToString();
}

/// <summary>The command line of <c>altogw discover</c>.</summary>
internal sealed record DiscoverArguments(string? Target, string? Domain, string? Service, string? Dns, double TimeoutSeconds);

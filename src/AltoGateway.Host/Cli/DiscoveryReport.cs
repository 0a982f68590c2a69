using System.Globalization;
using AltoGateway.Discovery.Naptr;
using AltoGateway.Discovery.Resolution;

namespace AltoGateway.Host.Cli;

/// <summary>The human-readable trace and result of a discovery, as <c>altogw discover</c> prints it.</summary>
internal static class DiscoveryReport
{
    public static async Task WriteAsync(DiscoveryResult result, TextWriter output)
    {
        var labelWidth = result.Steps.Select(s => s.Name.Label.Length).DefaultIfEmpty(0).Max();
        var nameWidth = result.Steps.Select(s => s.Name.Name.Length).DefaultIfEmpty(0).Max();
        foreach (var step in result.Steps)
        {
            var round = step.Round == 0 ? string.Empty : $" (retry {step.Round})";
            await output.WriteLineAsync(
                $"  {step.Name.Label.PadRight(labelWidth)}  {step.Name.Name.PadRight(nameWidth)}  {Outcome(step, result.Request.Service)}{round}").ConfigureAwait(false);
            foreach (var alias in step.Lookup.Aliases)
            {
                await output.WriteLineAsync($"      via CNAME {alias}").ConfigureAwait(false);
            }

            foreach (var record in step.Lookup.Records)
            {
                await output.WriteLineAsync($"      NAPTR {Text(record)}").ConfigureAwait(false);
            }

            foreach (var rejected in step.Rejected)
            {
                await output.WriteLineAsync($"      rejected ({rejected.Error}): NAPTR {Text(rejected.Record)}").ConfigureAwait(false);
            }
        }

        await output.WriteLineAsync(result.Validated
            ? "DNSSEC: validated (the resolver set AD on every answer)"
            : "DNSSEC: not validated (the resolver did not set AD on every answer)").ConfigureAwait(false);
        if (result.Targets.IsEmpty)
        {
            await output.WriteLineAsync(result.RetryMightHelp
                ? "No ALTO server found; some lookups failed temporarily, so a retry later might do better."
                : "No ALTO server found.").ConfigureAwait(false);
            return;
        }

        await output.WriteLineAsync(result.Targets.Length == 1 ? "ALTO server:" : "ALTO servers, best first:").ConfigureAwait(false);
        foreach (var target in result.Targets)
        {
            await output.WriteLineAsync(
                $"  order {target.Order.ToString(CultureInfo.InvariantCulture)} preference {target.Preference.ToString(CultureInfo.InvariantCulture)}  {target.Uri}").ConfigureAwait(false);
        }

        if (result.RetryMightHelp)
        {
            await output.WriteLineAsync("Note: a more specific name failed temporarily; a retry later might find a more specific server.").ConfigureAwait(false);
        }
    }

    private static string Outcome(DiscoveryStep step, UNaptrServiceParameter service)
    {
        var lookup = step.Lookup;
        var ttl = lookup.Ttl is { } t ? $"TTL {t.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s" : "no TTL given, not cached";
        var negative = lookup.Ttl is null ? "no SOA, not cached" : "negative " + ttl;
        var tcp = lookup.OverTcp ? ", over TCP" : string.Empty;
        var ad = lookup.AuthenticData ? ", AD" : string.Empty;
        var ignored = lookup.IgnoredDatagrams > 0 ? $", {lookup.IgnoredDatagrams} stray datagrams ignored" : string.Empty;
        var records = lookup.Records.Length;
        var text = step.Outcome switch
        {
            DiscoveryStepOutcome.Found => $"{service}: {step.Targets.Length} of {records} NAPTR{Plural(records)} ({ttl}{ad}{tcp}{ignored})",
            DiscoveryStepOutcome.OnlyUnusableRecords => $"{service} NAPTRs, none usable ({ttl}{ad}{tcp}{ignored})",
            DiscoveryStepOutcome.OtherServicesOnly =>
                $"only other services: {string.Join(", ", lookup.Records.Select(r => r.Services).Distinct(StringComparer.OrdinalIgnoreCase))} ({ttl}{ad}{tcp}{ignored})",
            DiscoveryStepOutcome.NoData => $"NODATA, the name has no NAPTR ({negative}{ad}{tcp}{ignored})",
            DiscoveryStepOutcome.NxDomain => $"NXDOMAIN ({negative}{ad}{tcp}{ignored})",
            _ => $"temporary failure: {lookup.FailureDetail}{ignored}",
        };
        return text;
    }

    private static string Plural(int count) => count == 1 ? string.Empty : "s";

    // The master-file form (RFC 3403 §4.1), the replacement "." when empty.
    private static string Text(NaptrRecord record) =>
        $"{record.Order} {record.Preference} \"{record.Flags}\" \"{record.Services}\" \"{record.Regexp}\" {(record.Replacement is "" ? "." : record.Replacement)}";
}

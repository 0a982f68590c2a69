using System.ComponentModel.DataAnnotations;
using AltoGateway.Dhcp.Replies;
using Microsoft.Extensions.Options;

namespace AltoGateway.Host.Configuration;

/// <summary>
/// The <c>Dhcp</c> section: the interfaces the agent serves DHCP on, each with its role and modes, the ALTO
/// options handed out, a per-client rate limit and the DHCPv6 Information Refresh Time. Empty in the embedded
/// default: no interface is served until one is named here. Whether the ALTO options' defaults can be taken
/// from the other sections is checked with them by <c>DhcpSettings</c>.
/// </summary>
internal sealed class DhcpOptions : IValidatableObject
{
    public const string SectionName = "Dhcp";

    /// <summary>The interfaces served; empty: none.</summary>
    public IList<DhcpInterfaceOptions> Interfaces { get; set; } = [];

    public DhcpAltoOptions Alto { get; set; } = new();

    public DhcpRateLimitOptions RateLimit { get; set; } = new();

    /// <summary>How long a stateless DHCPv6 client keeps its answer (option 32, RFC 8415 §21.23): 600 s to 0xffffffff s (infinity).</summary>
    public TimeSpan InformationRefreshTime { get; set; } = DhcpV6InformationRefreshTime.Default;

    /// <summary>Whether any interface has a socket.</summary>
    public bool Serves => Interfaces.Any(i => i.V4Mode != DhcpV4Mode.Off || i.V6Mode != DhcpV6Mode.Off);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < Interfaces.Count; i++)
        {
            var key = $"{nameof(Interfaces)}:{i}";
            foreach (var problem in Interfaces[i].Validate(key))
            {
                yield return problem;
            }

            if (Interfaces[i].Name.Length > 0 && !names.TryAdd(Interfaces[i].Name, i))
            {
                yield return DhcpInterfaceOptions.Problem($"'{Interfaces[i].Name}' is already {nameof(Interfaces)}:{names[Interfaces[i].Name]}", key, nameof(DhcpInterfaceOptions.Name));
            }
        }

        foreach (var problem in Alto.Validate(nameof(Alto)).Concat(RateLimit.Validate(nameof(RateLimit))))
        {
            yield return problem;
        }

        if (InformationRefreshTime < DhcpV6InformationRefreshTime.Minimum || InformationRefreshTime > DhcpV6InformationRefreshTime.Infinity)
        {
            yield return new ValidationResult("must be between 00:10:00 (IRT_MINIMUM, RFC 8415 §21.23) and 49710.06:28:15 (0xffffffff s, infinity)", [nameof(InformationRefreshTime)]);
        }
    }
}

[OptionsValidator]
internal sealed partial class DhcpOptionsValidator : IValidateOptions<DhcpOptions>;

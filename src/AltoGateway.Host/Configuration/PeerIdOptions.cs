using System.ComponentModel.DataAnnotations;
using AltoGateway.Nat.PeerIds;
using Microsoft.Extensions.Options;

namespace AltoGateway.Host.Configuration;

/// <summary>The <c>PeerIds</c> section: peer IDs subscribers fetch from <c>GET /peer-id</c> and give to trackers.</summary>
internal sealed class PeerIdOptions : IValidatableObject
{
    public const string SectionName = "PeerIds";

    public bool Enabled { get; set; } = true;

    /// <summary>A new ID every period (d.hh:mm:ss).</summary>
    public TimeSpan RotationPeriod { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How long an ID stays valid after its period ended, so trackers holding it are not cut off at once.</summary>
    public TimeSpan Grace { get; set; } = TimeSpan.FromHours(12);

    /// <summary>
    /// The ALTO directory (IRD) URI to tell peers, for trackers to ask; empty = the first WAN
    /// listener's URL + <c>/directory</c>.
    /// </summary>
    public string AltoDirectoryUri { get; set; } = string.Empty;

    public PeerIdSettings Settings => new() { RotationPeriod = RotationPeriod, Grace = Grace };

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var problem in Settings.Validate())
        {
            yield return new ValidationResult(problem, [nameof(RotationPeriod)]);
        }

        if (AltoDirectoryUri.Length > 0
            && (!Uri.TryCreate(AltoDirectoryUri, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)))
        {
            yield return new ValidationResult($"'{AltoDirectoryUri}' is not an absolute http(s) URI", [nameof(AltoDirectoryUri)]);
        }
    }
}

[OptionsValidator]
internal sealed partial class PeerIdOptionsValidator : IValidateOptions<PeerIdOptions>;

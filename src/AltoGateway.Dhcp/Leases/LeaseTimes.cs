namespace AltoGateway.Dhcp.Leases;

/// <summary>How long the table holds addresses in each state.</summary>
public sealed class LeaseTimes
{
    /// <summary>The lease given when the client asks for none (option 51, RFC 2132 §9.2).</summary>
    public TimeSpan LeaseTime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>The longest lease given, whatever the client asks for.</summary>
    public TimeSpan MaxLeaseTime { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How long an offered address waits for the client's DHCPREQUEST (RFC 2131 §4.3.1: the server need not reserve it, but should avoid handing it to another client meanwhile).</summary>
    public TimeSpan OfferHold { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long an address stays unavailable after a client declined it (RFC 2131 §4.3.3).</summary>
    public TimeSpan DeclineQuarantine { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long an address stays unavailable after a probe (ping, ARP) found it in use by someone else.</summary>
    public TimeSpan ConflictQuarantine { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long a released or expired lease is remembered, so its client gets the address back (RFC 2131 §4.3.1, §4.3.4).</summary>
    public TimeSpan RememberFor { get; set; } = TimeSpan.FromDays(30);

    /// <summary>The problems with these values (all of them), empty when they are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        void Positive(TimeSpan value, string name)
        {
            if (value < TimeSpan.FromSeconds(1))
            {
                problems.Add($"{name} must be at least one second");
            }
        }

        Positive(LeaseTime, nameof(LeaseTime));
        Positive(MaxLeaseTime, nameof(MaxLeaseTime));
        Positive(OfferHold, nameof(OfferHold));
        Positive(DeclineQuarantine, nameof(DeclineQuarantine));
        Positive(ConflictQuarantine, nameof(ConflictQuarantine));
        Positive(RememberFor, nameof(RememberFor));
        if (LeaseTime > MaxLeaseTime)
        {
            problems.Add($"{nameof(LeaseTime)} is longer than {nameof(MaxLeaseTime)}");
        }

        // A lease time of 0xffffffff seconds means "infinite" (RFC 2131 §3.3); the table keeps finite leases only.
        if (MaxLeaseTime >= TimeSpan.FromSeconds(uint.MaxValue))
        {
            problems.Add($"{nameof(MaxLeaseTime)} must be finite (below 0xffffffff seconds)");
        }

        return problems;
    }
}

namespace AltoGateway.Discovery.Naptr;

/// <summary>
/// The RDATA of one NAPTR record (RFC 3403 §4.1), as a resolver hands it over: the three character-strings
/// as text and the replacement as a domain name ("." or "" for the root). Any values are representable;
/// <see cref="UNaptrTarget.TryFrom"/> decides whether they form a valid U-NAPTR.
/// </summary>
public sealed record NaptrRecord(ushort Order, ushort Preference, string Flags, string Services, string Regexp, string Replacement);

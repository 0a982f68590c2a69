namespace AltoGateway.Discovery.Naptr;

/// <summary>A record that carried the wanted service but broke a U-NAPTR rule, and the rule it broke.</summary>
public readonly record struct RejectedNaptr(NaptrRecord Record, UNaptrError Error);

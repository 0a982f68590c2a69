namespace AltoGateway.Hardware.Leds;

/// <summary>One LED as the runner last drove it: its pattern since when, and whether it is lit now.</summary>
public sealed record LedState(LedRole Role, LedPattern Pattern, bool Lit, DateTimeOffset Since, bool Present);

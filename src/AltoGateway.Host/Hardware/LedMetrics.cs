using System.Diagnostics.Metrics;
using AltoGateway.Hardware.Leds;

namespace AltoGateway.Host.Hardware;

/// <summary>The status LEDs in /metrics: each role's pattern, and the activity flashes shown and left out.</summary>
internal sealed class LedMetrics
{
    public const string MeterName = "AltoGateway.Host.Hardware";

    public LedMetrics(IMeterFactory meterFactory, StatusLedHardware leds)
    {
        var meter = meterFactory.Create(MeterName);
        meter.CreateObservableGauge("altogw.led.pattern",
            () => leds.Runner.Snapshot().Select(s => new Measurement<int>((int)s.Pattern, new KeyValuePair<string, object?>("role", s.Role.Name()))),
            description: "Pattern of each status LED: 0 off, 1 on, 2 slow blink, 3 fast blink, 4 flash");
        meter.CreateObservableCounter("altogw.led.activity.flashes", () => leds.Activity.Flashes, description: "Activity flashes shown");
        meter.CreateObservableCounter("altogw.led.activity.suppressed", () => leds.Activity.Suppressed,
            description: "Transactions not flashed because the last flash was too recent (rate limit)");
    }
}

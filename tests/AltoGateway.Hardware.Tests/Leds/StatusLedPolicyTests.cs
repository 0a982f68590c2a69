using AltoGateway.Hardware.Leds;
using AltoGateway.Health;

namespace AltoGateway.Hardware.Tests.Leds;

public sealed class StatusLedPolicyTests
{
    private static readonly StatusLedPolicy Policy = new(StatusLedPolicy.DefaultUpstreamComponents);
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    private static ComponentHealth C(string name, HealthState state) =>
        new(name, state, state is HealthState.Degraded or HealthState.Failed ? "because" : null, Now);

    [Fact]
    public void Before_any_component_registered_the_power_LED_blinks_slowly_and_nothing_else_is_lit()
    {
        Assert.Equal(new StatusLedPatterns(LedPattern.SlowBlink, LedPattern.Off, LedPattern.Off), Policy.Decide([], AgentPhase.Running));
    }

    [Theory]
    // http, alto-upstreams: power, upstream, fault
    [InlineData(HealthState.Starting, HealthState.Starting, LedPattern.SlowBlink, LedPattern.Off, LedPattern.Off)]
    [InlineData(HealthState.Ready, HealthState.Starting, LedPattern.SlowBlink, LedPattern.Off, LedPattern.Off)]
    [InlineData(HealthState.Ready, HealthState.Ready, LedPattern.On, LedPattern.On, LedPattern.Off)]
    [InlineData(HealthState.Ready, HealthState.Degraded, LedPattern.On, LedPattern.SlowBlink, LedPattern.SlowBlink)]
    [InlineData(HealthState.Ready, HealthState.Failed, LedPattern.On, LedPattern.FastBlink, LedPattern.FastBlink)]
    [InlineData(HealthState.Degraded, HealthState.Ready, LedPattern.On, LedPattern.On, LedPattern.SlowBlink)]
    [InlineData(HealthState.Failed, HealthState.Degraded, LedPattern.On, LedPattern.SlowBlink, LedPattern.FastBlink)]
    [InlineData(HealthState.Failed, HealthState.Starting, LedPattern.SlowBlink, LedPattern.Off, LedPattern.FastBlink)]
    public void Every_health_state_has_its_pattern(HealthState http, HealthState upstreams, LedPattern power, LedPattern upstream, LedPattern fault)
    {
        var patterns = Policy.Decide([C("http", http), C("alto-upstreams", upstreams)], AgentPhase.Running);

        Assert.Equal(new StatusLedPatterns(power, upstream, fault), patterns);
    }

    [Fact]
    public void While_the_host_starts_its_services_the_power_LED_blinks_even_if_the_components_so_far_are_ready()
    {
        var patterns = Policy.Decide([C("leds", HealthState.Ready), C("alto-upstreams", HealthState.Ready)], AgentPhase.Starting);

        Assert.Equal(new StatusLedPatterns(LedPattern.SlowBlink, LedPattern.On, LedPattern.Off), patterns);
        Assert.Equal(LedPattern.On, Policy.Decide([C("leds", HealthState.Ready)], AgentPhase.Running).Power);
    }

    [Fact]
    public void The_upstream_LED_shows_the_worst_of_the_upstream_components_and_is_off_without_any()
    {
        Assert.Equal(LedPattern.Off, Policy.Decide([C("http", HealthState.Ready)], AgentPhase.Running).Upstream);
        Assert.Equal(LedPattern.SlowBlink, Policy.Decide([C("alto-upstreams", HealthState.Ready), C("proxy-discovery", HealthState.Degraded)], AgentPhase.Running).Upstream);

        // Other components do not move it, only the fault LED.
        var patterns = Policy.Decide([C("alto-upstreams", HealthState.Ready), C("conntrack", HealthState.Degraded)], AgentPhase.Running);
        Assert.Equal((LedPattern.On, LedPattern.SlowBlink), (patterns.Upstream, patterns.Fault));

        var custom = new StatusLedPolicy(["conntrack"]).Decide([C("alto-upstreams", HealthState.Failed), C("conntrack", HealthState.Ready)], AgentPhase.Running);
        Assert.Equal(LedPattern.On, custom.Upstream);
    }

    [Fact]
    public void A_clean_stop_darkens_every_LED_and_a_stop_on_an_error_leaves_the_fault_LED_solid()
    {
        ComponentHealth[] failing = [C("http", HealthState.Failed), C("alto-upstreams", HealthState.Ready)];

        Assert.Equal(new StatusLedPatterns(LedPattern.Off, LedPattern.Off, LedPattern.Off), Policy.Decide(failing, AgentPhase.StoppedCleanly));
        Assert.Equal(new StatusLedPatterns(LedPattern.Off, LedPattern.Off, LedPattern.On), Policy.Decide(failing, AgentPhase.StoppingOnError));
        Assert.Equal(LedPattern.Off, new StatusLedPatterns(LedPattern.On, LedPattern.On, LedPattern.On).For(LedRole.Activity));
    }
}

namespace AltoGateway.Hardware.Leds;

/// <summary>Where the agent is in its life, for the LEDs: running, or how it stopped.</summary>
public enum AgentPhase
{
    /// <summary>The host is starting its services: the power LED blinks whatever the components say so far.</summary>
    Starting,

    /// <summary>Serving: the LEDs follow the health model.</summary>
    Running,

    /// <summary>A clean stop (SIGTERM with no component failed): every LED off.</summary>
    StoppedCleanly,

    /// <summary>Stopping while a component is failed: the fault LED solid, the others off.</summary>
    StoppingOnError,
}

namespace AltoGateway.Health;

/// <summary>
/// The health model of the agent: every component registers once and then reports its state
/// through the <see cref="HealthReporter"/> it got. Readers (status page, systemd watchdog,
/// status LEDs) take snapshots or listen to <see cref="Changed"/>.
/// </summary>
public sealed class HealthRegistry
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, ComponentHealth> _components = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;

    public HealthRegistry(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
    }

    /// <summary>Raised after a component's state or reason changed, outside any lock.</summary>
    public event EventHandler<ComponentHealth>? Changed;

    /// <summary>The worst state of any component; <see cref="HealthState.Starting"/> when none registered yet.</summary>
    public HealthState Overall
    {
        get
        {
            lock (_gate)
            {
                if (_components.Count == 0)
                {
                    return HealthState.Starting;
                }

                var worst = HealthState.Ready;
                foreach (var component in _components.Values)
                {
                    if (component.State > worst)
                    {
                        worst = component.State;
                    }
                }

                return worst;
            }
        }
    }

    /// <summary>Registers a component in state <see cref="HealthState.Starting"/>.</summary>
    /// <exception cref="InvalidOperationException">The name is already registered.</exception>
    public HealthReporter Register(string component)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(component);
        var initial = new ComponentHealth(component, HealthState.Starting, null, _time.GetUtcNow());
        lock (_gate)
        {
            if (!_components.TryAdd(component, initial))
            {
                throw new InvalidOperationException($"A component named '{component}' is already registered.");
            }
        }

        Changed?.Invoke(this, initial);
        return new HealthReporter(this, component);
    }

    /// <summary>Every component, ordered by name.</summary>
    public IReadOnlyList<ComponentHealth> Snapshot()
    {
        lock (_gate)
        {
            var list = _components.Values.ToList();
            list.Sort(static (a, b) => string.CompareOrdinal(a.Component, b.Component));
            return list;
        }
    }

    internal void Report(string component, HealthState state, string? reason)
    {
        ComponentHealth updated;
        lock (_gate)
        {
            var current = _components[component];
            if (current.State == state && string.Equals(current.Reason, reason, StringComparison.Ordinal))
            {
                return;
            }

            updated = new ComponentHealth(component, state, reason, _time.GetUtcNow());
            _components[component] = updated;
        }

        Changed?.Invoke(this, updated);
    }
}

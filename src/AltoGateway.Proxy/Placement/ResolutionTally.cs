using System.Runtime.CompilerServices;
using AltoGateway.Alto.Addressing;
using AltoGateway.Nat.Resolution;

namespace AltoGateway.Proxy.Placement;

/// <summary>
/// Resolutions counted by kind of name and outcome while one request's endpoints are placed, then
/// reported in one call per kind and outcome that occurred: the counters behind
/// <c>altogw_nat_lookups_total</c> are shared by every request thread, so touching them once per
/// endpoint would cost more than the resolution itself.
/// </summary>
internal struct ResolutionTally
{
    private const int Kinds = 3; // GatewayEndpointKind.Address (1) … PeerId (3)
    private const int Outcomes = 5; // ResolutionOutcome.Found (0) … Malformed (4)

    private Counts _counts;

    /// <summary>Counts one resolution. The enums' values index the slots (a test of every pair keeps the two in step).</summary>
    public void Count(GatewayEndpointKind kind, ResolutionOutcome outcome) => _counts[(((int)kind - 1) * Outcomes) + (int)outcome]++;

    /// <summary>Tells <paramref name="resolved"/> every non-zero count.</summary>
    public readonly void Report(Action<GatewayEndpointKind, ResolutionOutcome, int>? resolved)
    {
        if (resolved is null)
        {
            return;
        }

        for (var slot = 0; slot < Kinds * Outcomes; slot++)
        {
            if (_counts[slot] > 0)
            {
                resolved((GatewayEndpointKind)((slot / Outcomes) + 1), (ResolutionOutcome)(slot % Outcomes), _counts[slot]);
            }
        }
    }

    [InlineArray(Kinds * Outcomes)]
    private struct Counts
    {
        private int _first;
    }
}

using AltoGateway.Alto.Addressing;
using AltoGateway.Alto.Costs;
using AltoGateway.Alto.Errors;
using AltoGateway.Alto.Identifiers;

namespace AltoGateway.Alto.Json;

/// <summary>
/// Value checks shared by the readers (lenient) and the writers (strict). Each returns the one
/// E_INVALID_FIELD_VALUE (or E_MISSING_FIELD) a receiver would send, or null.
/// </summary>
internal static class AltoValueRules
{
    /// <summary>
    /// §10.7. Reading tolerates unknown modes and metrics unless <paramref name="supported"/> is given;
    /// a metric that breaks the §10.6 syntax is always bad.
    /// </summary>
    public static AltoError? CheckCostType(CostType costType, string path, IReadOnlyCollection<CostType>? supported, bool strict)
    {
        if (strict && !CostMode.IsKnown(costType.CostMode))
        {
            return AltoError.InvalidFieldValue(path + "/cost-mode", costType.CostMode);
        }

        if (!CostMetric.IsValid(costType.CostMetric))
        {
            return AltoError.InvalidFieldValue(path + "/cost-metric", costType.CostMetric);
        }

        if (supported is not null && !supported.Contains(costType))
        {
            return supported.Any(s => string.Equals(s.CostMode, costType.CostMode, StringComparison.Ordinal))
                ? AltoError.InvalidFieldValue(path + "/cost-metric", costType.CostMetric)
                : AltoError.InvalidFieldValue(path + "/cost-mode", costType.CostMode);
        }

        return null;
    }

    /// <summary>§11.3.2.3: every constraint "op value".</summary>
    public static AltoError? CheckConstraints(List<string>? constraints, string path) =>
        CostConstraintSet.TryParse(constraints, out _, out var bad, out _)
            ? null
            : AltoError.InvalidFieldValue(path, constraints![bad]);

    /// <summary>
    /// §10.4.1: every element a typed endpoint address (or, with <see cref="EndpointNameGrammar.Gateway"/>,
    /// a <see cref="GatewayEndpointName"/>); a bad element is the array's bad value (§8.5.2).
    /// </summary>
    public static AltoError? CheckAddresses(IEnumerable<string>? addresses, string path, bool requireAny, EndpointNameGrammar grammar = EndpointNameGrammar.Rfc7285)
    {
        if (addresses is null || !addresses.Any())
        {
            return requireAny ? AltoError.InvalidFieldValue(path) : null;
        }

        foreach (var address in addresses)
        {
            var valid = grammar == EndpointNameGrammar.Gateway
                ? GatewayEndpointName.TryParse(address, out _, out _)
                : TypedEndpointAddress.TryParse(address, out _, out _);
            if (!valid)
            {
                return AltoError.InvalidFieldValue(path, address);
            }
        }

        return null;
    }

    /// <summary>§10.1: every key a PID name.</summary>
    public static AltoError? CheckPidNames(IEnumerable<string> names, string path)
    {
        foreach (var name in names)
        {
            if (!AltoName.IsValidPidName(name))
            {
                return AltoError.InvalidFieldValue(path, name);
            }
        }

        return null;
    }

    /// <summary>§10.3.</summary>
    public static AltoError? CheckVtag(VersionTag? vtag, string path)
    {
        if (vtag is null)
        {
            return AltoError.MissingField(path);
        }

        if (!AltoName.IsValidResourceId(vtag.ResourceId))
        {
            return AltoError.InvalidFieldValue(path + "/resource-id", vtag.ResourceId);
        }

        return VersionTag.IsValidTag(vtag.Tag) ? null : AltoError.InvalidFieldValue(path + "/tag", vtag.Tag);
    }

    /// <summary>§10.5: ordinal costs are non-negative integers; numerical ones finite.</summary>
    public static AltoError? CheckCosts(Dictionary<string, Dictionary<string, double>> matrix, string mode, string path)
    {
        foreach (var (source, row) in matrix)
        {
            foreach (var (destination, cost) in row)
            {
                var ok = double.IsFinite(cost) && (mode != CostMode.Ordinal || (cost >= 0 && Math.Floor(cost) == cost));
                if (!ok)
                {
                    return AltoError.InvalidFieldValue(path + "/" + source + "/" + destination,
                        cost.ToString("R", System.Globalization.CultureInfo.InvariantCulture));
                }
            }
        }

        return null;
    }

    public static AltoError? FirstOf(params Func<AltoError?>[] checks)
    {
        foreach (var check in checks)
        {
            if (check() is { } error)
            {
                return error;
            }
        }

        return null;
    }
}

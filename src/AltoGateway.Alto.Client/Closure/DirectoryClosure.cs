using AltoGateway.Alto.Costs;
using AltoGateway.Alto.MediaTypes;
using AltoGateway.Alto.Messages;

namespace AltoGateway.Alto.Client.Closure;

/// <summary>
/// The IRD closure being built (RFC 7285 §9.2.4): each IRD's entries become resources with absolute
/// URIs (RFC 3986 §5, against that IRD's URI) and cost types resolved through that IRD's meta.cost-types.
/// </summary>
internal sealed class DirectoryClosure(Uri root)
{
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);

    public List<AltoResource> Resources { get; } = [];

    public List<AltoTolerance> Tolerances { get; } = [];

    /// <summary>The IRDs read or being read, for loop detection.</summary>
    public HashSet<Uri> Visited { get; } = [root];

    /// <summary>Adds the entries of the IRD at <paramref name="uri"/>; returns the sub-IRDs it delegates to.</summary>
    public List<AltoResource> Add(Uri uri, InformationResourceDirectory directory)
    {
        var costTypes = directory.Meta?.CostTypes ?? [];
        var relative = new List<string>();
        var subDirectories = new List<AltoResource>();
        foreach (var (id, entry) in directory.Resources)
        {
            if (!TryResolve(uri, entry.Uri, out var absolute, out var wasRelative))
            {
                Inconsistent($"{uri} lists resource '{id}' at '{entry.Uri}', not a usable http(s) URI; skipped");
                continue;
            }

            if (!_ids.Add(id))
            {
                Inconsistent($"{uri} lists resource '{id}' again; ids are unique in the closure (RFC 7285 §9.1.1): the first kept");
                continue;
            }

            if (wasRelative)
            {
                relative.Add($"{id} {entry.Uri} → {absolute}");
            }

            var capabilities = entry.Capabilities;
            var resource = new AltoResource
            {
                Id = id,
                Uri = absolute,
                MediaType = entry.MediaType,
                Accepts = entry.Accepts,
                CostTypes = ResolveCostTypes(uri, id, capabilities?.CostTypeNames ?? [], costTypes),
                PropertyTypes = capabilities?.PropTypes ?? [],
                CostConstraints = capabilities?.CostConstraints ?? false,
                Uses = entry.Uses ?? [],
                Directory = uri,
            };
            Resources.Add(resource);
            if (AltoMediaTypeMatcher.Matches(entry.MediaType, AltoMediaTypes.Directory))
            {
                subDirectories.Add(resource);
            }
        }

        if (relative.Count > 0)
        {
            Tolerances.Add(new(AltoToleranceKind.RelativeUri,
                $"{uri} lists relative URIs, resolved against it (RFC 3986 §5): {string.Join(", ", relative)}"));
        }

        return subDirectories;
    }

    public void Inconsistent(string detail) => Tolerances.Add(new(AltoToleranceKind.InconsistentDirectory, detail));

    /// <summary>RFC 7285 §9.2.2: "uri" may be relative; only http and https can be asked (§8.3).</summary>
    private static bool TryResolve(Uri directory, string text, out Uri absolute, out bool wasRelative)
    {
        absolute = directory;
        wasRelative = false;
        if (string.IsNullOrWhiteSpace(text) || !Uri.TryCreate(text, UriKind.RelativeOrAbsolute, out var parsed)
            || !Uri.TryCreate(directory, parsed, out var resolved))
        {
            return false;
        }

        wasRelative = !parsed.IsAbsoluteUri;
        absolute = resolved;
        return resolved.Scheme == Uri.UriSchemeHttp || resolved.Scheme == Uri.UriSchemeHttps;
    }

    /// <summary>§9.2.2: cost-type names are the keys of the meta.cost-types of the IRD listing the resource.</summary>
    private List<CostType> ResolveCostTypes(Uri uri, string id, List<string> names, Dictionary<string, CostType> defined)
    {
        var resolved = new List<CostType>(names.Count);
        foreach (var name in names)
        {
            if (defined.TryGetValue(name, out var costType))
            {
                resolved.Add(costType);
            }
            else
            {
                Inconsistent($"{uri} gives resource '{id}' cost-type name '{name}', not defined in its meta.cost-types; ignored");
            }
        }

        return resolved;
    }
}

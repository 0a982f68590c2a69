using AltoGateway.Alto.Client.Http;
using AltoGateway.Alto.Messages;

namespace AltoGateway.Alto.Client.Answers;

/// <summary>The version tags a map or EPS answer must carry (RFC 7285 §11.1, §11.2.1.6, §11.2.3.6, §11.4.1.6).</summary>
internal static class VtagCheck
{
    /// <summary>A network map's meta.vtag.</summary>
    public static void Own(ResponseMeta meta, AltoRequest request, List<AltoTolerance> tolerances)
    {
        if (meta.Vtag is null)
        {
            tolerances.Add(new(AltoToleranceKind.MissingVtag, $"{request} answered a network map without meta.vtag (RFC 7285 §11.2.1.6)"));
        }
    }

    /// <summary>A cost map's or EPS answer's meta.dependent-vtags.</summary>
    public static void Dependent(ResponseMeta meta, AltoRequest request, List<AltoTolerance> tolerances)
    {
        if (meta.DependentVtags is null or { Count: 0 })
        {
            tolerances.Add(new(AltoToleranceKind.MissingVtag, $"{request} answered without meta.dependent-vtags (RFC 7285 §11.1)"));
        }
    }
}

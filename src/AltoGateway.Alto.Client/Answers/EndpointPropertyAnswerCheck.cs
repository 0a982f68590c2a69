using AltoGateway.Alto.Addressing;
using AltoGateway.Alto.Client.Http;
using AltoGateway.Alto.Messages;

namespace AltoGateway.Alto.Client.Answers;

/// <summary>
/// Checks an EPS answer (RFC 7285 §11.4.1.6) against its request: re-keyed canonically, unrequested
/// endpoints dropped, requested endpoints that are missing listed, and dependent-vtags present.
/// An endpoint present without some property is not listed: undefined properties are omitted by design.
/// </summary>
internal static class EndpointPropertyAnswerCheck
{
    public static void Apply(EndpointPropertyResponse answer, EndpointPropertyRequest sent, AltoRequest request, List<AltoTolerance> tolerances, EndpointNameGrammar grammar)
    {
        var keys = new AnswerKeys(grammar);
        answer.EndpointProperties = keys.Rekey(answer.EndpointProperties, sent.Endpoints.ToHashSet(StringComparer.Ordinal));
        keys.Report(request, tolerances);
        var missing = sent.Endpoints.Where(e => !answer.EndpointProperties.ContainsKey(e)).ToList();
        if (missing.Count > 0)
        {
            tolerances.Add(new(AltoToleranceKind.DroppedEndpoints, $"{request} left out endpoints {AnswerKeys.Join(missing)}"));
        }

        VtagCheck.Dependent(answer.Meta, request, tolerances);
    }
}

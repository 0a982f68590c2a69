using System.Diagnostics.CodeAnalysis;
using AltoGateway.Discovery.Dns;

namespace AltoGateway.Discovery.Resolution;

/// <summary>
/// Decides whether received bytes are the response to a query: a response (QR) with the query's ID, opcode and
/// question (RFC 5452 §9.1; RFC 1035 §7.3 "the question section ... should match"). Anything else is dropped,
/// which is what stops a stray or spoofed datagram from being taken as the answer.
/// </summary>
public static class DnsResponseMatcher
{
    /// <summary>Reads <paramref name="received"/> and checks it against <paramref name="query"/>; true when it is the response.</summary>
    public static bool TryMatch(
        DnsMessage query, ReadOnlySpan<byte> received, [NotNullWhen(true)] out DnsMessage? response, out DnsResponseMismatch mismatch)
    {
        ArgumentNullException.ThrowIfNull(query);
        response = null;

        // The ID is checked on the raw header first: a datagram for another query need not be parsed at all.
        if (received.Length >= 2 && ((received[0] << 8) | received[1]) != query.Header.Id)
        {
            mismatch = DnsResponseMismatch.WrongId;
            return false;
        }

        if (!DnsMessageReader.TryRead(received, out var message, out _))
        {
            mismatch = DnsResponseMismatch.Unreadable;
            return false;
        }

        mismatch = Check(query, message);
        if (mismatch != DnsResponseMismatch.None)
        {
            return false;
        }

        response = message;
        return true;
    }

    /// <summary>Checks an already read <paramref name="message"/> against <paramref name="query"/>.</summary>
    public static DnsResponseMismatch Check(DnsMessage query, DnsMessage message)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(message);
        if (!message.Header.Has(DnsHeaderBits.Response))
        {
            return DnsResponseMismatch.NotAResponse;
        }

        if (message.Header.Id != query.Header.Id)
        {
            return DnsResponseMismatch.WrongId;
        }

        if (message.Header.Opcode != query.Header.Opcode)
        {
            return DnsResponseMismatch.WrongOpcode;
        }

        return SameQuestions(query.Questions, message.Questions) ? DnsResponseMismatch.None : DnsResponseMismatch.WrongQuestion;
    }

    private static bool SameQuestions(IReadOnlyList<DnsQuestion> asked, IReadOnlyList<DnsQuestion> answered)
    {
        if (asked.Count != answered.Count)
        {
            return false;
        }

        for (var i = 0; i < asked.Count; i++)
        {
            if (asked[i].Type != answered[i].Type || asked[i].Class != answered[i].Class
                || !DnsNames.AreEqual(asked[i].Name, answered[i].Name))
            {
                return false;
            }
        }

        return true;
    }
}

using System.Buffers;
using System.Net;
using AltoGateway.Dhcp.Replies;
using AltoGateway.Dhcp.V4;

namespace AltoGateway.Dhcp.Tests.Replies;

/// <summary>
/// <see cref="DhcpV4ReplyFit"/>: a reply too long for the client loses options, unrequested ones first and then
/// requested ones from the end of option 55, never 53, 54, 51, 58, 59, 61 or 82; one that fits is written whole.
/// </summary>
public sealed class DhcpV4ReplyFitTests
{
    private static readonly IPAddress Server = IPAddress.Parse("192.168.1.1");

    [Fact]
    public void A_reply_that_fits_is_written_whole()
    {
        var request = Request([1, 3, 6], clientId: null);
        var reply = Offer(request, [Option(1, 4), Option(3, 4), Option(6, 8), Option(213, 13)]);
        var buffer = new byte[DhcpV4Writer.MaximumReplyLength(request)];

        Assert.Equal(OperationStatus.Done, DhcpV4ReplyFit.TryWrite(request, reply, buffer, out var written, out var leftOut));
        Assert.Equal(0, leftOut);
        Assert.Equal(DhcpV4Writer.Write(reply), buffer[..written]);
    }

    [Fact]
    public void A_255_octet_client_identifier_still_gets_its_offer_without_the_options_it_did_not_ask_for()
    {
        // 240 + 53, 54, 51, 58, 59 (27) + 1, 3, 6 (22) + 61 (257) + end = 547: room for nothing else in 576.
        var request = Request([1, 3, 6], clientId: 255);
        var reply = Offer(request, [Option(1, 4), Option(3, 4), Option(6, 8), Option(213, 13), Option(234, 40), Option(125, 60)]);
        var buffer = new byte[DhcpV4Writer.MaximumReplyLength(request)];
        Assert.Equal(OperationStatus.DestinationTooSmall, DhcpV4Writer.TryWrite(reply, buffer, out _));

        Assert.Equal(OperationStatus.Done, DhcpV4ReplyFit.TryWrite(request, reply, buffer, out var written, out var leftOut));
        Assert.Equal(3, leftOut);
        var read = DhcpV4Reader.Read(buffer.AsSpan(0, written));
        Assert.Equal([53, 54, 51, 58, 59, 1, 3, 6, 61], read.Options.Select(o => (int)o.Code));
        Assert.Equal(255, read.FindOption(61)!.Data.Length);
    }

    [Fact]
    public void Requested_options_go_from_the_end_of_option_55_and_only_after_the_unrequested_ones()
    {
        // The client asks for 6, then 15, then 3; 42 it did not ask for. Each option is 250 octets of data, too long
        // for 'sname' (64) or 'file' (128), so overload cannot make room: the buffer holds 6 and 15 and no more.
        var request = Request([6, 15, 3], clientId: null);
        var reply = Offer(request, [Option(6, 250), Option(15, 250), Option(3, 250), Option(42, 250)]);
        var buffer = new byte[240 + 27 + (2 * 252) + 1];

        Assert.Equal(OperationStatus.Done, DhcpV4ReplyFit.TryWrite(request, reply, buffer, out var written, out var leftOut));
        Assert.Equal(2, leftOut);
        Assert.Equal([53, 54, 51, 58, 59, 6, 15], DhcpV4Reader.Read(buffer.AsSpan(0, written)).Options.Select(o => (int)o.Code));
    }

    [Fact]
    public void The_essential_options_are_never_left_out()
    {
        var request = Request([1], clientId: 255, relayAgentInformation: true);
        var reply = Offer(request, [Option(1, 4)]);
        var buffer = new byte[400];

        Assert.Equal(OperationStatus.DestinationTooSmall, DhcpV4ReplyFit.TryWrite(request, reply, buffer, out _, out var leftOut));
        Assert.Equal(1, leftOut); // only option 1 could go
    }

    [Fact]
    public void Seeded_random_replies_either_fit_with_their_essentials_or_are_refused()
    {
        var random = new Random(6_2132);
        for (var run = 0; run < 500; run++)
        {
            byte[] prl = [.. Enumerable.Range(0, random.Next(0, 12)).Select(_ => (byte)random.Next(1, 254)).Where(c => c is not (53 or 54 or 61 or 82 or 52 or 55)).Distinct()];
            var request = Request(prl, clientId: random.Next(2) == 0 ? null : random.Next(2, 256), relayAgentInformation: random.Next(4) == 0);
            var extra = Enumerable.Range(0, random.Next(0, 15)).Select(_ => (byte)random.Next(1, 254))
                .Where(c => c is not (53 or 54 or 61 or 82 or 52 or 51 or 58 or 59)).Distinct().Select(c => Option(c, random.Next(0, 200))).ToList();
            var reply = Offer(request, extra);
            var buffer = new byte[random.Next(300, 1500)];

            var status = DhcpV4ReplyFit.TryWrite(request, reply, buffer, out var written, out var leftOut);
            if (status == OperationStatus.Done)
            {
                var read = DhcpV4Reader.Read(buffer.AsSpan(0, written));
                Assert.Equal(reply.Options.Count - leftOut, read.Options.Count);
                Assert.All(reply.Options.Where(o => o.Code is 53 or 54 or 51 or 58 or 59 or 61 or 82), o => Assert.NotNull(read.FindOption(o.Code)));
            }
            else
            {
                Assert.Equal(OperationStatus.DestinationTooSmall, status);
            }
        }
    }

    private static DhcpV4Option Option(byte code, int length) => new(code, Enumerable.Repeat((byte)0x5A, length).ToArray());

    private static DhcpV4Message Request(byte[] parameterRequestList, int? clientId, bool relayAgentInformation = false)
    {
        var options = new List<DhcpV4Option>
        {
            new(DhcpV4OptionCode.MessageType, new[] { (byte)DhcpV4MessageType.Discover }),
            new(DhcpV4OptionCode.ParameterRequestList, parameterRequestList),
        };
        if (clientId is { } length)
        {
            options.Add(new DhcpV4Option(DhcpV4OptionCode.ClientIdentifier, Enumerable.Repeat((byte)0xC1, length).ToArray()));
        }

        if (relayAgentInformation)
        {
            options.Add(new DhcpV4Option(DhcpV4OptionCode.RelayAgentInformation, new byte[] { 1, 4, (byte)'e', (byte)'t', (byte)'h', (byte)'0' }));
        }

        return new DhcpV4Message
        {
            TransactionId = 7,
            ClientAddress = IPAddress.Any,
            GatewayAddress = relayAgentInformation ? IPAddress.Parse("192.168.1.254") : IPAddress.Any,
            ClientHardwareAddressField = new byte[] { 2, 0, 0, 0, 0, 7 },
            Options = options,
        };
    }

    /// <summary>An OFFER as the server shapes it: 53, 54, 51, 58, 59, the given options, then 61 and 82 echoed.</summary>
    private static DhcpV4Message Offer(DhcpV4Message request, IEnumerable<DhcpV4Option> options)
    {
        List<DhcpV4Option> all =
        [
            new(DhcpV4OptionCode.MessageType, new[] { (byte)DhcpV4MessageType.Offer }),
            DhcpV4Option.FromAddress(DhcpV4OptionCode.ServerIdentifier, Server),
            DhcpV4Option.FromUInt32(DhcpV4OptionCode.LeaseTime, 3600),
            DhcpV4Option.FromUInt32(DhcpV4OptionCode.RenewalTime, 1800),
            DhcpV4Option.FromUInt32(DhcpV4OptionCode.RebindingTime, 3150),
            .. options,
        ];
        if (request.FindOption(DhcpV4OptionCode.ClientIdentifier) is { } clientIdentifier)
        {
            all.Add(clientIdentifier);
        }

        return request.ReplyWith(IPAddress.Any, IPAddress.Parse("192.168.1.100"), request.Flags, all);
    }
}

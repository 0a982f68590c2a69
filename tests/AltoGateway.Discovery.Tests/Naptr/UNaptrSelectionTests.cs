using AltoGateway.Discovery.Naptr;

namespace AltoGateway.Discovery.Tests.Naptr;

/// <summary>Selecting the wanted service and sorting by order then preference (RFC 3403 §4.1, RFC 8686 §3.4).</summary>
public class UNaptrSelectionTests
{
    private static readonly UNaptrServiceParameter AltoHttps = UNaptrServiceParameter.AltoHttps;

    [Fact]
    public void Rfc7286_example_gives_alto1_then_alto2()
    {
        // RFC 7286 §3.2: two records for example.net., preferences 10 and 20, given here in reverse.
        var records = new[]
        {
            Record(100, 20, "ALTO:https", "https://alto2.example.net/ird"),
            Record(100, 10, "ALTO:https", "https://alto1.example.net/ird"),
        };

        var selection = UNaptrSelection.Select(records, AltoHttps);

        Assert.Equal([new Uri("https://alto1.example.net/ird"), new Uri("https://alto2.example.net/ird")], selection.Uris);
        Assert.Empty(selection.Rejected);
    }

    [Fact]
    public void Appendix_c4_r48_answer_ignores_lis_held()
    {
        // RFC 8686 Appendix C.4: the R48 answer holds one ALTO record and one LIS:HELD record.
        var records = new[]
        {
            new NaptrRecord(100, 10, "u", "LIS:HELD", "!.*!https://lis1.example.org:4802/!", ""),
            Record(100, 10, "ALTO:https", "https://alto1.example.net/ird"),
        };

        var selection = UNaptrSelection.Select(records, AltoHttps);

        Assert.Equal([new Uri("https://alto1.example.net/ird")], selection.Uris);
        Assert.True(selection.HasWantedService);
    }

    [Fact]
    public void Appendix_c4_r56_answer_has_no_alto_service()
    {
        var records = new[]
        {
            new NaptrRecord(100, 10, "u", "LIS:HELD", "!.*!https://lis1.example.org:4802/!", ""),
            new NaptrRecord(100, 20, "u", "LIS:HELD", "!.*!https://lis2.example.org:4802/!", ""),
        };

        var selection = UNaptrSelection.Select(records, AltoHttps);

        Assert.Empty(selection.Targets);
        Assert.False(selection.HasWantedService);
    }

    [Fact]
    public void Lower_order_wins_over_lower_preference_and_ties_keep_answer_order()
    {
        var records = new[]
        {
            Record(200, 1, "ALTO:https", "https://d.example/ird"),
            Record(100, 30, "ALTO:https", "https://c.example/ird"),
            Record(100, 10, "ALTO:https", "https://a.example/ird"),
            Record(100, 10, "ALTO:https", "https://b.example/ird"),
            Record(50, 10, "ALTO:http", "http://skipped.example/ird"),
        };

        var selection = UNaptrSelection.Select(records, AltoHttps);

        Assert.Equal(
            ["https://a.example/ird", "https://b.example/ird", "https://c.example/ird", "https://d.example/ird"],
            selection.Uris.Select(u => u.OriginalString));
        Assert.Equal([100, 100, 100, 200], selection.Targets.Select(t => (int)t.Order));
    }

    [Fact]
    public void Broken_alto_records_are_reported_and_others_still_used()
    {
        var records = new[]
        {
            new NaptrRecord(100, 10, "s", "ALTO:https", "", "_alto._tcp.example.net."),
            new NaptrRecord(100, 20, "u", "ALTO:", "!.*!https://a.example/ird!", ""),
            Record(100, 30, "ALTO:https", "https://ok.example/ird"),
            new NaptrRecord(100, 5, "s", "LIS:HELD", "", "_lis._tcp.example.net."),
        };

        var selection = UNaptrSelection.Select(records, AltoHttps);

        Assert.Equal([new Uri("https://ok.example/ird")], selection.Uris);
        Assert.Equal([UNaptrError.FlagNotU, UNaptrError.BadServiceField], selection.Rejected.Select(r => r.Error));
    }

    [Fact]
    public void Wanting_either_protocol_takes_both()
    {
        var records = new[]
        {
            Record(100, 20, "ALTO:https", "https://secure.example/ird"),
            Record(100, 10, "ALTO:http", "http://debug.example/ird"),
        };

        var selection = UNaptrSelection.Select(records, UNaptrServiceParameter.Parse("ALTO:https:http"));

        Assert.Equal(["http://debug.example/ird", "https://secure.example/ird"], selection.Uris.Select(u => u.OriginalString));
    }

    private static NaptrRecord Record(ushort order, ushort preference, string services, string uri) =>
        new(order, preference, "u", services, "!.*!" + uri + "!", "");
}

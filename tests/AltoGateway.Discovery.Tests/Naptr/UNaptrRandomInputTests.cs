using AltoGateway.Discovery.Naptr;

namespace AltoGateway.Discovery.Tests.Naptr;

/// <summary>Seeded property tests: random and mutated NAPTR fields never throw and fail with exactly one error.</summary>
public class UNaptrRandomInputTests
{
    private const string Alphabet = "!#/.*\\u:ALTOhtps1i9 -+x^$()[]?=\u00e9\u0000";

    private static readonly NaptrRecord Valid = new(100, 10, "u", "ALTO:https", "!.*!https://alto1.example.net/ird!", "");

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Random_and_mutated_records_never_throw(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < 3000; i++)
        {
            var record = new NaptrRecord(
                (ushort)random.Next(ushort.MaxValue + 1),
                (ushort)random.Next(ushort.MaxValue + 1),
                Pick(random, Valid.Flags),
                Pick(random, Valid.Services),
                Pick(random, Valid.Regexp),
                Pick(random, Valid.Replacement));

            var ok = UNaptrTarget.TryFrom(record, out var target, out var error);
            Assert.Equal(ok, error == UNaptrError.None);
            Assert.True(!ok || target.Uri.Scheme is "http" or "https");

            var selection = UNaptrSelection.Select([record, Valid], UNaptrServiceParameter.AltoHttps);
            Assert.Contains(selection.Targets, t => t.Uri == new Uri("https://alto1.example.net/ird"));
            Assert.All(selection.Rejected, r => Assert.NotEqual(UNaptrError.None, r.Error));

            var serviceOk = UNaptrServiceParameter.TryParse(record.Services, out var service, out var serviceError);
            Assert.Equal(serviceOk, serviceError == UNaptrError.None);
            Assert.True(!serviceOk || UNaptrServiceParameter.Parse(service.ToString()).Equals(service));
        }
    }

    // Half the time a mutation of the valid field (the interesting near misses), else random text.
    private static string Pick(Random random, string valid)
    {
        if (random.Next(2) == 0)
        {
            return RandomText(random, random.Next(0, 40));
        }

        var chars = valid.ToCharArray().ToList();
        for (var m = random.Next(1, 4); m > 0; m--)
        {
            var at = random.Next(chars.Count + 1);
            switch (random.Next(3))
            {
                case 0 when at < chars.Count: chars.RemoveAt(at); break;
                case 1 when at < chars.Count: chars[at] = Alphabet[random.Next(Alphabet.Length)]; break;
                default: chars.Insert(at, Alphabet[random.Next(Alphabet.Length)]); break;
            }
        }

        return new string([.. chars]);
    }

    private static string RandomText(Random random, int length)
    {
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = Alphabet[random.Next(Alphabet.Length)];
        }

        return new string(chars);
    }
}

using System.Buffers.Text;
using AltoGateway.Nat.PeerIds;
using Microsoft.Extensions.Time.Testing;

namespace AltoGateway.Nat.Tests.PeerIds;

/// <summary>A clock at noon UTC, daily epochs from the Unix epoch with 12 hours of grace, and seeded keys.</summary>
internal static class PeerIdFixture
{
    public static readonly DateTimeOffset Noon = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    public static readonly PeerIdSettings Settings = new()
    {
        RotationPeriod = TimeSpan.FromDays(1),
        Grace = TimeSpan.FromHours(12),
    };

    public static FakeTimeProvider Clock() => new(Noon);

    public static PeerIdKey Key(int seed = 1) => PeerIdKey.Generate(new SeededRandomNumberGenerator(seed));

    public static PeerIdIssuer Issuer(TimeProvider time, int seed = 1) => new(Key(seed), Settings, time);

    /// <summary>The 19 bytes behind an ID: epoch (4) and tag (15).</summary>
    public static byte[] Payload(string peerId) => Base64Url.DecodeFromChars(peerId.AsSpan(1));

    /// <summary>A version-1 ID spelling <paramref name="payload"/>.</summary>
    public static string Spell(ReadOnlySpan<byte> payload) => "1" + Base64Url.EncodeToString(payload);
}

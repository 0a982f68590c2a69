using System.Security.Cryptography;

namespace AltoGateway.Nat.Tests.PeerIds;

/// <summary>A repeatable stand-in for the system RNG, so that test keys are the same on every run.</summary>
internal sealed class SeededRandomNumberGenerator(int seed) : RandomNumberGenerator
{
    private readonly Random _random = new(seed);

    public override void GetBytes(byte[] data) => _random.NextBytes(data);

    public override void GetBytes(Span<byte> data) => _random.NextBytes(data);
}

namespace AltoGateway.Tests.SharedAlto;

/// <summary>One request the fake upstream received, as it came.</summary>
internal sealed record FakeAltoUpstreamRequest(string Method, string Path, string? ContentType, string? Accept, string Body, DateTimeOffset Time);

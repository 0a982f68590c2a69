using AltoGateway.Alto.Errors;

namespace AltoGateway.Alto.Client.Http;

/// <summary>One of the lenient TryRead methods of <see cref="Json.AltoJsonReader"/>.</summary>
internal delegate bool AltoMessageReader<T>(ReadOnlyMemory<byte> utf8, out T? message, out AltoError? error)
    where T : class;

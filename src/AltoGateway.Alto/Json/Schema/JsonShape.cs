using System.Text.Json;
using AltoGateway.Alto.Errors;

namespace AltoGateway.Alto.Json.Schema;

/// <summary>
/// The expected shape of a JSON value, checked before a message is bound to its type so that a
/// malformed message yields the ALTO error RFC 7285 §8.5.2 asks for, with the field path
/// ("endpoints/srcs"), instead of a serializer exception.
/// </summary>
internal abstract class JsonShape
{
    /// <summary>The first problem of <paramref name="value"/> found at <paramref name="path"/>, or null.</summary>
    public abstract AltoError? Check(JsonElement value, string path);

    /// <summary>E_INVALID_FIELD_TYPE; a scalar's text is the value, a container's is left out (it may be large).</summary>
    public static AltoError TypeError(JsonElement value, string path) => value.ValueKind switch
    {
        JsonValueKind.String => AltoError.InvalidFieldType(path, value.GetString()),
        JsonValueKind.Object or JsonValueKind.Array => AltoError.InvalidFieldType(path),
        _ => AltoError.InvalidFieldType(path, value.GetRawText()),
    };

    public static string Join(string path, string name) => path.Length == 0 ? name : path + "/" + name;
}

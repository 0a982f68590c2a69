using System.Text.Json;
using AltoGateway.Alto.Errors;

namespace AltoGateway.Alto.Json.Schema;

/// <summary>An object with named fields; fields not listed are allowed and kept (RFC 7285 §8.3.7).</summary>
internal sealed class ObjectShape : JsonShape
{
    private readonly (string Name, bool Required, JsonShape Shape)[] _fields;

    private ObjectShape((string, bool, JsonShape)[] fields) => _fields = fields;

    public static ObjectShape Of(params (string Name, bool Required, JsonShape Shape)[] fields) => new(fields);

    public override AltoError? Check(JsonElement value, string path)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            return TypeError(value, path);
        }

        foreach (var (name, required, shape) in _fields)
        {
            var fieldPath = Join(path, name);
            if (!value.TryGetProperty(name, out var field))
            {
                if (required)
                {
                    return AltoError.MissingField(fieldPath);
                }

                continue;
            }

            if (shape.Check(field, fieldPath) is { } error)
            {
                return error;
            }
        }

        return null;
    }
}

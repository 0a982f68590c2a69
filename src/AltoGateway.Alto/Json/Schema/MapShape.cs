using System.Text.Json;
using AltoGateway.Alto.Errors;

namespace AltoGateway.Alto.Json.Schema;

/// <summary>An object used as a dictionary: any keys, values of one shape; the path includes the key.</summary>
internal sealed class MapShape(JsonShape values) : JsonShape
{
    public override AltoError? Check(JsonElement value, string path)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            return TypeError(value, path);
        }

        foreach (var property in value.EnumerateObject())
        {
            if (values.Check(property.Value, Join(path, property.Name)) is { } error)
            {
                return error;
            }
        }

        return null;
    }
}

using System.Text.Json;
using AltoGateway.Alto.Errors;

namespace AltoGateway.Alto.Json.Schema;

/// <summary>An array whose elements all have one shape; an element's error names the array (§8.5.2).</summary>
internal sealed class ArrayShape(JsonShape items) : JsonShape
{
    public override AltoError? Check(JsonElement value, string path)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            return TypeError(value, path);
        }

        foreach (var item in value.EnumerateArray())
        {
            if (items.Check(item, path) is { } error)
            {
                return error;
            }
        }

        return null;
    }
}

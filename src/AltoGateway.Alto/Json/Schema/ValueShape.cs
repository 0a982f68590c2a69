using System.Text.Json;
using AltoGateway.Alto.Errors;

namespace AltoGateway.Alto.Json.Schema;

/// <summary>A string, a number, a boolean, or anything.</summary>
internal sealed class ValueShape : JsonShape
{
    private readonly JsonValueKind? _kind;

    private ValueShape(JsonValueKind? kind) => _kind = kind;

    public static ValueShape String { get; } = new(JsonValueKind.String);

    public static ValueShape Number { get; } = new(JsonValueKind.Number);

    public static ValueShape Boolean { get; } = new(JsonValueKind.True);

    public static ValueShape Any { get; } = new(null);

    public override AltoError? Check(JsonElement value, string path)
    {
        var kind = value.ValueKind == JsonValueKind.False ? JsonValueKind.True : value.ValueKind;
        if (_kind is not null && kind != _kind)
        {
            return TypeError(value, path);
        }

        // A JSON number beyond double's range would bind as infinity: a bad value, not a bad type.
        if (kind == JsonValueKind.Number && !(value.TryGetDouble(out var number) && double.IsFinite(number)))
        {
            return AltoError.InvalidFieldValue(path, value.GetRawText());
        }

        return null;
    }
}

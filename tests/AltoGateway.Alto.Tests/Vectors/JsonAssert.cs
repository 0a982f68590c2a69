using System.Text;
using System.Text.Json;

namespace AltoGateway.Alto.Tests.Vectors;

/// <summary>Compares JSON by value (property order and white space ignored).</summary>
internal static class JsonAssert
{
    public static ReadOnlyMemory<byte> Utf8(string json) => Encoding.UTF8.GetBytes(json);

    public static void Same(string expected, byte[] actual)
    {
        using var e = JsonDocument.Parse(expected);
        using var a = JsonDocument.Parse(actual);
        Assert.True(JsonElement.DeepEquals(e.RootElement, a.RootElement),
            $"expected {JsonSerializerCompact(e.RootElement)}\nactual   {Encoding.UTF8.GetString(actual)}");
    }

    private static string JsonSerializerCompact(JsonElement element)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            element.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}

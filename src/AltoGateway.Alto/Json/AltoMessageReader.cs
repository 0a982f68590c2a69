using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using AltoGateway.Alto.Errors;
using AltoGateway.Alto.Json.Schema;

namespace AltoGateway.Alto.Json;

/// <summary>
/// The read pipeline shared by every message: parse (E_SYNTAX), check the shape (E_MISSING_FIELD,
/// E_INVALID_FIELD_TYPE with the field path), bind with the source-generated context, then check
/// the values (E_INVALID_FIELD_VALUE). Never throws on bad input; one error per failure (§8.5.2).
/// </summary>
internal static class AltoMessageReader
{
    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
        MaxDepth = 32,
    };

    public static bool TryRead<T>(
        ReadOnlyMemory<byte> utf8,
        ObjectShape shape,
        JsonTypeInfo<T> typeInfo,
        Func<T, AltoError?> checkValues,
        out T? message,
        out AltoError? error)
        where T : class
    {
        message = null;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8, DocumentOptions);
        }
        catch (JsonException e)
        {
            error = AltoError.Syntax(e.Message);
            return false;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                error = AltoError.Syntax($"The message must be a JSON object, not {root.ValueKind}.");
                return false;
            }

            error = shape.Check(root, "");
            if (error is not null)
            {
                return false;
            }

            T? bound;
            try
            {
                bound = root.Deserialize(typeInfo);
            }
            catch (JsonException e)
            {
                // The shape check leaves only value problems, e.g. a number beyond double's range.
                error = AltoError.InvalidFieldValue(PathOf(e.Path), null);
                return false;
            }

            if (bound is null)
            {
                error = AltoError.Syntax("The message is null.");
                return false;
            }

            error = checkValues(bound);
            if (error is not null)
            {
                return false;
            }

            message = bound;
            return true;
        }
    }

    /// <summary>"$.endpoints.srcs[0]" or "$['cost-map']" → "endpoints/srcs", "cost-map".</summary>
    internal static string PathOf(string? jsonPath)
    {
        if (string.IsNullOrEmpty(jsonPath) || jsonPath == "$")
        {
            return "(message)";
        }

        var parts = new List<string>();
        var text = jsonPath.AsSpan(1);
        while (!text.IsEmpty)
        {
            if (text.StartsWith("['"))
            {
                var end = text.IndexOf("']");
                if (end < 0)
                {
                    break;
                }

                parts.Add(text[2..end].ToString());
                text = text[(end + 2)..];
            }
            else if (text[0] == '[')
            {
                var end = text.IndexOf(']');
                text = end < 0 ? [] : text[(end + 1)..];
            }
            else
            {
                text = text[1..];
                var end = text.IndexOfAny('.', '[');
                parts.Add((end < 0 ? text : text[..end]).ToString());
                text = end < 0 ? [] : text[end..];
            }
        }

        return parts.Count == 0 ? "(message)" : string.Join('/', parts);
    }
}

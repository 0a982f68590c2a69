using System.Text.Json.Serialization;

namespace AltoGateway.Alto.Errors;

/// <summary>
/// The "meta" of an ALTO error (RFC 7285 §8.5): one code, and where it applies the field (a path
/// "parent/child"), the offending value (always a string, only with a field) and the parser's
/// message for E_SYNTAX. Build one with the factory methods: exactly one error per failure.
/// </summary>
public sealed record AltoError
{
    [JsonConstructor]
    internal AltoError(string code, string? field, string? value, string? syntaxError)
    {
        Code = code;
        Field = field;
        Value = value;
        SyntaxError = syntaxError;
    }

    /// <summary>The error code, one of <see cref="AltoErrorCodes"/> when we produce it.</summary>
    [JsonPropertyName("code")]
    public string Code { get; }

    /// <summary>The JSON field, as a "parent/child" path (§8.5.2 orders it parent first).</summary>
    [JsonPropertyName("field")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Field { get; }

    /// <summary>The offending value; only present with <see cref="Field"/>.</summary>
    [JsonPropertyName("value")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Value { get; }

    /// <summary>The parser's description of a syntax error.</summary>
    [JsonPropertyName("syntax-error")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? SyntaxError { get; }

    /// <summary>E_SYNTAX with the parser's message.</summary>
    public static AltoError Syntax(string syntaxError) => new(AltoErrorCodes.Syntax, null, null, syntaxError);

    /// <summary>E_MISSING_FIELD for <paramref name="field"/>.</summary>
    public static AltoError MissingField(string field) => new(AltoErrorCodes.MissingField, Require(field), null, null);

    /// <summary>E_INVALID_FIELD_TYPE for <paramref name="field"/>.</summary>
    public static AltoError InvalidFieldType(string field, string? value = null) =>
        new(AltoErrorCodes.InvalidFieldType, Require(field), value, null);

    /// <summary>E_INVALID_FIELD_VALUE for <paramref name="field"/>, with the bad value when there is one.</summary>
    public static AltoError InvalidFieldValue(string field, string? value = null) =>
        new(AltoErrorCodes.InvalidFieldValue, Require(field), value, null);

    /// <summary>
    /// An error read from a server as it is (lenient: servers invent codes). A value without a
    /// field is dropped, because §8.5 only defines it with one.
    /// </summary>
    public static AltoError FromServer(string code, string? field, string? value, string? syntaxError) =>
        new(code, field, field is null ? null : value, syntaxError);

    private static string Require(string field) =>
        string.IsNullOrEmpty(field) ? throw new ArgumentException("An ALTO error field must be named.", nameof(field)) : field;
}

namespace AltoGateway.Alto.Errors;

/// <summary>The error codes of RFC 7285 §8.5.2 (registry §14.5).</summary>
public static class AltoErrorCodes
{
    /// <summary>Parsing error in the request (including the JSON itself).</summary>
    public const string Syntax = "E_SYNTAX";

    /// <summary>A required field is missing.</summary>
    public const string MissingField = "E_MISSING_FIELD";

    /// <summary>A field has the wrong JSON type.</summary>
    public const string InvalidFieldType = "E_INVALID_FIELD_TYPE";

    /// <summary>A field has a value that is not allowed (an array element counts as the array's value).</summary>
    public const string InvalidFieldValue = "E_INVALID_FIELD_VALUE";
}

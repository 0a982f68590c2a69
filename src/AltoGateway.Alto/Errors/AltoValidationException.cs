namespace AltoGateway.Alto.Errors;

/// <summary>
/// Thrown by the strict writers when the caller hands them a message that is not valid RFC 7285:
/// caller misuse, not bad data (bad data comes back from the TryRead methods as an <see cref="AltoError"/>).
/// </summary>
public sealed class AltoValidationException : Exception
{
    /// <summary>Creates the exception for an empty message.</summary>
    public AltoValidationException()
        : this("The message is not valid RFC 7285.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public AltoValidationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public AltoValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for <paramref name="error"/>.</summary>
    public AltoValidationException(AltoError error)
        : base($"The message is not valid RFC 7285: {error?.Code} {error?.Field} {error?.Value}".TrimEnd())
    {
        Error = error;
    }

    /// <summary>What is wrong, as the ALTO error a receiver would send.</summary>
    public AltoError? Error { get; }
}

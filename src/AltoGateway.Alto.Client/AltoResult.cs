using System.Diagnostics.CodeAnalysis;

namespace AltoGateway.Alto.Client;

/// <summary>
/// The outcome of an ALTO call: a value or a failure, and in both cases the departures from RFC 7285
/// the client tolerated on the way.
/// </summary>
/// <typeparam name="T">The message or model the call produces.</typeparam>
public sealed class AltoResult<T>
    where T : class
{
    internal AltoResult(T? value, AltoClientFailure? failure, IReadOnlyList<AltoTolerance> tolerances)
    {
        Value = value;
        Failure = failure;
        Tolerances = tolerances;
        IsSuccess = failure is null;
    }

    /// <summary>The answer; not null exactly when <see cref="IsSuccess"/>.</summary>
    public T? Value { get; }

    /// <summary>Why there is no answer; not null exactly when not <see cref="IsSuccess"/>.</summary>
    public AltoClientFailure? Failure { get; }

    /// <summary>What the client tolerated, in the order met (empty for a well-behaved server).</summary>
    public IReadOnlyList<AltoTolerance> Tolerances { get; }

    /// <summary>True when there is a <see cref="Value"/>.</summary>
    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Failure))]
    public bool IsSuccess { get; }

    /// <inheritdoc/>
    public override string ToString() => IsSuccess ? "success" : Failure.ToString();
}

/// <summary>Creates <see cref="AltoResult{T}"/> values.</summary>
public static class AltoResult
{
    /// <summary>A success with what was tolerated on the way.</summary>
    public static AltoResult<T> Success<T>(T value, IReadOnlyList<AltoTolerance>? tolerances = null)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(value);
        return new AltoResult<T>(value, null, tolerances ?? []);
    }

    /// <summary>A failure with what was tolerated before it.</summary>
    public static AltoResult<T> Failed<T>(AltoClientFailure failure, IReadOnlyList<AltoTolerance>? tolerances = null)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(failure);
        return new AltoResult<T>(null, failure, tolerances ?? []);
    }
}

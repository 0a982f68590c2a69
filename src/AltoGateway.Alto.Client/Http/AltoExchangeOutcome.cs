namespace AltoGateway.Alto.Client.Http;

/// <summary>A message read from a 2xx answer, or why there is none.</summary>
internal readonly record struct AltoExchangeOutcome<T>(T? Message, AltoClientFailure? Failure)
    where T : class;

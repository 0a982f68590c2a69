using System.Net.Sockets;
using System.Text.Json;

namespace AltoGateway.Host.Cli;

/// <summary>Asks the running agent over its control socket (HTTP on a Unix socket).</summary>
internal sealed class ControlClient : IDisposable
{
    /// <summary>sysexits.h EX_UNAVAILABLE: the agent is not running or the socket cannot be opened.</summary>
    public const int ExitAgentUnavailable = 69;

    private readonly HttpClient _http;

    public ControlClient(string socketPath)
    {
        SocketPath = socketPath;
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (_, cancellation) =>
            {
                var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                try
                {
                    await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), cancellation).ConfigureAwait(false);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        _http = new HttpClient(handler) { BaseAddress = new Uri("http://altogw-control/"), Timeout = TimeSpan.FromSeconds(10) };
    }

    public string SocketPath { get; }

    /// <summary>sysexits.h EX_USAGE: the agent refused the question (a malformed address, say).</summary>
    public const int ExitBadQuery = 64;

    /// <summary>
    /// GETs a control path. On failure the document is null, the reason is written to
    /// <paramref name="error"/> and <paramref name="exitCode"/> says which failure it was.
    /// </summary>
    public async Task<JsonDocument?> GetAsync(string pathAndQuery, TextWriter error, Action<int> exitCode, CancellationToken cancellation)
    {
        try
        {
            using var response = await _http.GetAsync(new Uri(pathAndQuery, UriKind.Relative), cancellation).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(cancellation).ConfigureAwait(false);
            var document = JsonDocument.Parse(body);
            if (!response.IsSuccessStatusCode)
            {
                var message = document.RootElement.TryGetProperty("error", out var e) ? e.GetString() : body;
                await error.WriteLineAsync($"altogw: {message}").ConfigureAwait(false);
                document.Dispose();
                exitCode(ExitBadQuery);
                return null;
            }

            return document;
        }
        catch (Exception ex) when (ex is HttpRequestException or SocketException or IOException or TaskCanceledException or JsonException)
        {
            await error.WriteLineAsync($"altogw: cannot ask the agent on {SocketPath}: {ex.GetBaseException().Message} (is it running? is this user allowed to open the socket?)").ConfigureAwait(false);
            exitCode(ExitAgentUnavailable);
            return null;
        }
    }

    public void Dispose() => _http.Dispose();
}

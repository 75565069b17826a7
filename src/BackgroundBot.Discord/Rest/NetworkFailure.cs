using System.Net.Sockets;

namespace BackgroundBot.Discord.Rest;

/// <summary>
/// A failed attempt to reach Discord in words an operator can act on ("could not reach Discord: name resolution failed"),
/// rather than a status code of 0 or a socket error number.
/// </summary>
internal static class NetworkFailure
{
    /// <summary>True for failures where Discord gave no answer at all (no connection, no name, a timeout, a cut connection).</summary>
    public static bool IsNetwork(Exception exception) =>
        exception is HttpRequestException { StatusCode: null } or TaskCanceledException { InnerException: TimeoutException };

    public static string Describe(Exception exception) => "could not reach Discord: " + Reason(exception);

    private static string Reason(Exception exception) => exception switch
    {
        TaskCanceledException { InnerException: TimeoutException } => "no answer within the request timeout",
        HttpRequestException e => e.HttpRequestError switch
        {
            HttpRequestError.NameResolutionError => "name resolution failed",
            HttpRequestError.ConnectionError => e.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused }
                ? "the connection was refused"
                : "the connection failed",
            HttpRequestError.SecureConnectionError => "the TLS handshake failed",
            HttpRequestError.ProxyTunnelError => "the proxy refused the tunnel",
            HttpRequestError.ResponseEnded => "the connection ended before Discord answered",
            HttpRequestError.InvalidResponse => "the answer was not valid HTTP",
            _ => e.InnerException?.Message ?? e.Message,
        },
        _ => exception.Message,
    };
}

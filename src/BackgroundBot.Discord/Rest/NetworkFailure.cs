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
        HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError } => "name resolution failed",
        HttpRequestException { HttpRequestError: HttpRequestError.SecureConnectionError } => "the TLS handshake failed",
        HttpRequestException { HttpRequestError: HttpRequestError.ProxyTunnelError } => "the proxy refused the tunnel",
        HttpRequestException { HttpRequestError: HttpRequestError.InvalidResponse } => "the answer was not valid HTTP",
        _ when Socket(exception) is { } socket => socket switch
        {
            SocketError.HostNotFound or SocketError.TryAgain or SocketError.NoData => "name resolution failed",
            SocketError.ConnectionRefused => "the connection was refused",
            SocketError.ConnectionReset or SocketError.ConnectionAborted => "the connection was reset before Discord answered",
            SocketError.TimedOut => "the connection timed out",
            SocketError.NetworkUnreachable or SocketError.HostUnreachable or SocketError.NetworkDown => "the network is unreachable",
            _ => $"socket error {socket}",
        },
        HttpRequestException { HttpRequestError: HttpRequestError.ResponseEnded } => "the connection ended before Discord answered",
        HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError } => "the connection failed",
        _ => exception.InnerException?.Message ?? exception.Message,
    };

    private static SocketError? Socket(Exception exception)
    {
        for (var e = exception.InnerException; e is not null; e = e.InnerException)
        {
            if (e is SocketException socket)
            {
                return socket.SocketErrorCode;
            }
        }

        return null;
    }
}

namespace BackgroundBot.Discord.Rest;

/// <summary>
/// Discord refused a REST request for good (not a rate limit or a server error, which are waited out and retried),
/// or the layer stopped sending to protect the bot from an IP ban. The message never contains the token.
/// </summary>
public sealed class DiscordRestException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="status">HTTP status Discord answered with; 0 when the request was not sent.</param>
    /// <param name="code">Discord's JSON error code, when given (<see href="https://discord.com/developers/docs/topics/opcodes-and-status-codes#json"/>).</param>
    /// <param name="message">What happened, and what to do about it.</param>
    public DiscordRestException(int status, int? code, string message)
        : base(message)
    {
        Status = status;
        Code = code;
    }

    /// <summary>HTTP status Discord answered with; 0 when the request was not sent.</summary>
    public int Status { get; }

    /// <summary>Discord's JSON error code, when given.</summary>
    public int? Code { get; }
}

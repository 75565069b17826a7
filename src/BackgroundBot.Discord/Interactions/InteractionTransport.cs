namespace BackgroundBot.Discord.Interactions;

/// <summary>How an interaction reached the bot.</summary>
public enum InteractionTransport
{
    /// <summary>An INTERACTION_CREATE dispatch on the gateway; the first response goes through the REST callback.</summary>
    Gateway,
    /// <summary>A signed POST to the interactions endpoint; the first response is the HTTP response body.</summary>
    Http,
}

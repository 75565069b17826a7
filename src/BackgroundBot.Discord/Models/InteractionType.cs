namespace BackgroundBot.Discord.Models;

/// <summary>Interaction types (<see href="https://discord.com/developers/docs/interactions/receiving-and-responding#interaction-object-interaction-type"/>).</summary>
public enum InteractionType
{
    /// <summary>PING, only ever sent to the HTTP endpoint; answered by the layer itself.</summary>
    Ping = 1,
    /// <summary>A slash, user or message command.</summary>
    ApplicationCommand = 2,
    /// <summary>A button press or select menu choice.</summary>
    MessageComponent = 3,
    /// <summary>The user is typing into an option with autocomplete.</summary>
    Autocomplete = 4,
    /// <summary>A modal was submitted.</summary>
    ModalSubmit = 5,
}

namespace BackgroundBot.Discord.Models;

/// <summary>Option types (<see href="https://discord.com/developers/docs/interactions/application-commands#application-command-object-application-command-option-type"/>).</summary>
public enum ApplicationCommandOptionType
{
    /// <summary>A subcommand; its options are nested.</summary>
    Subcommand = 1,
    /// <summary>A group of subcommands.</summary>
    SubcommandGroup = 2,
    /// <summary>Text.</summary>
    String = 3,
    /// <summary>A whole number (-2^53 to 2^53).</summary>
    Integer = 4,
    /// <summary>True or false.</summary>
    Boolean = 5,
    /// <summary>A user id.</summary>
    User = 6,
    /// <summary>A channel id.</summary>
    Channel = 7,
    /// <summary>A role id.</summary>
    Role = 8,
    /// <summary>A user or role id.</summary>
    Mentionable = 9,
    /// <summary>A double.</summary>
    Number = 10,
    /// <summary>An attachment id.</summary>
    Attachment = 11,
}

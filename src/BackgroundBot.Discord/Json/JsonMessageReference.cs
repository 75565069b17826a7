namespace BackgroundBot.Discord.Json;

/// <summary>
/// Makes a channel message a reply (<see href="https://discord.com/developers/docs/resources/message#message-reference-structure"/>);
/// with <c>fail_if_not_exists</c> false, a reply to a deleted message is still sent, as a plain message.
/// </summary>
internal sealed record JsonMessageReference(string MessageId, bool? FailIfNotExists);

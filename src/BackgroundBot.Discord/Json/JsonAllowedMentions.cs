namespace BackgroundBot.Discord.Json;

internal sealed record JsonAllowedMentions(IReadOnlyList<string> Parse, IReadOnlyList<string>? Users, IReadOnlyList<string>? Roles, bool? RepliedUser);

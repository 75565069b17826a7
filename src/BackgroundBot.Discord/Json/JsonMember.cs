namespace BackgroundBot.Discord.Json;

internal sealed record JsonMember(JsonUser? User, IReadOnlyList<string>? Roles, string? Permissions);

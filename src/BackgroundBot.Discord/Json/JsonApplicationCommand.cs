using System.Text.Json;

namespace BackgroundBot.Discord.Json;

/// <summary>
/// A command as sent in a bulk overwrite and as listed by GET. <c>default_member_permissions</c> is read as a string or a number
/// (Discord answers with a string; its OpenAPI spec asks for an integer in requests).
/// </summary>
internal sealed record JsonApplicationCommand
{
    public string? Id { get; init; }
    public int? Type { get; init; }
    public required string Name { get; init; }
    public string? Description { get; init; }
    public IReadOnlyList<JsonCommandOption>? Options { get; init; }
    public JsonElement? DefaultMemberPermissions { get; init; }
    public IReadOnlyList<int>? Contexts { get; init; }
    public bool? Nsfw { get; init; }
}

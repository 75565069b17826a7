namespace BackgroundBot.Discord.Json;

internal sealed record JsonInteractionData
{
    public string? Id { get; init; }
    public string? Name { get; init; }
    public int? Type { get; init; }
    public IReadOnlyList<JsonInteractionOption>? Options { get; init; }
    public string? CustomId { get; init; }
    public int? ComponentType { get; init; }
    public IReadOnlyList<string>? Values { get; init; }
    public IReadOnlyList<JsonComponent>? Components { get; init; }
    public string? TargetId { get; init; }
    public JsonResolved? Resolved { get; init; }
}

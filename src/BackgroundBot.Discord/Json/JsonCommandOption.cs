namespace BackgroundBot.Discord.Json;

internal sealed record JsonCommandOption
{
    public required int Type { get; init; }
    public required string Name { get; init; }
    public required string Description { get; init; }
    public bool? Required { get; init; }
    public bool? Autocomplete { get; init; }
    public IReadOnlyList<JsonChoice>? Choices { get; init; }
    public IReadOnlyList<JsonCommandOption>? Options { get; init; }
    public double? MinValue { get; init; }
    public double? MaxValue { get; init; }
    public int? MinLength { get; init; }
    public int? MaxLength { get; init; }
}

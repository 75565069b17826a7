namespace BackgroundBot.Discord.Json;

/// <summary>
/// Every component kind in one wire shape: Discord tells them apart by <c>type</c>, and unused fields are omitted.
/// Incoming modal submissions use <c>custom_id</c>, <c>value</c> and nested <c>components</c>/<c>component</c>.
/// </summary>
internal sealed record JsonComponent
{
    public int Type { get; init; }
    public string? CustomId { get; init; }
    public int? Style { get; init; }
    public string? Label { get; init; }
    public string? Url { get; init; }
    public bool? Disabled { get; init; }
    public string? Placeholder { get; init; }
    public int? MinValues { get; init; }
    public int? MaxValues { get; init; }
    public IReadOnlyList<JsonSelectOption>? Options { get; init; }
    public IReadOnlyList<JsonComponent>? Components { get; init; }
    public JsonComponent? Component { get; init; }
    public string? Value { get; init; }
    public IReadOnlyList<string>? Values { get; init; }
    public bool? Required { get; init; }
    public int? MinLength { get; init; }
    public int? MaxLength { get; init; }
}

namespace BackgroundBot.Knowledge.Packs;

/// <summary>A public source a pack's facts cite; <see cref="Published"/> is <c>YYYY</c>, <c>YYYY-MM</c> or <c>YYYY-MM-DD</c>.</summary>
public sealed record FactPackSource(string? Id, string? Title, string? Publisher, string? Url, string? Published);

namespace BackgroundBot.Knowledge;

/// <summary>The topics a fact can have.</summary>
public static class Topics
{
    public static readonly IReadOnlyList<string> All = ["ceasefire", "mediation", "territory", "humanitarian", "politics"];

    public static bool IsKnown(string? topic) => topic is not null && All.Contains(topic);
}

namespace BackgroundBot.Knowledge;

/// <summary>
/// The topics a fact can have: one list, used wherever a topic is named (the CLI's <c>--topic</c> options, Discord's
/// forms, fact packs, <c>import-pack</c>), so a topic is valid everywhere or nowhere. To add one, add a line here and
/// to <c>docs/topics.md</c>; stored facts are unaffected.
/// </summary>
public static class Topics
{
    /// <summary>Each topic with what belongs in it, in the order they are listed to moderators.</summary>
    public static readonly IReadOnlyList<(string Name, string Covers)> Described =
    [
        ("ceasefire", "ceasefires, truces, their violations and monitoring"),
        ("mediation", "mediators, talks, peace proposals and agreements"),
        ("territory", "who held which land when, borders, corridors"),
        ("humanitarian", "casualties, displacement, refugees, aid, prisoners"),
        ("politics", "governments, elections, declarations, diplomacy"),
        ("history", "background before the conflict: the region's history, Soviet-era decisions"),
        ("demographics", "population, census figures, languages and communities"),
    ];

    public static readonly IReadOnlyList<string> All = Described.Select(t => t.Name).ToList();

    public static bool IsKnown(string? topic) => topic is not null && All.Contains(topic);

    /// <summary>The sentence an unknown topic is refused with, naming the valid ones.</summary>
    public static string Unknown(string? topic) => $"Unknown topic '{topic}'; the topics are {string.Join(", ", All)} (docs/topics.md).";
}

namespace BackgroundBot.Community;

/// <summary>An answer given in chat, kept so its buttons (sources, feedback, report) work later.</summary>
public sealed record AnswerRecord
{
    public int Id { get; init; }
    public required string Question { get; init; }
    public required string Text { get; init; }
    public bool Grounded { get; init; }
    public string Mode { get; init; } = "extractive";

    /// <summary>The cited passages, in the answer's [n] order.</summary>
    public IReadOnlyList<int> PassageIds { get; init; } = [];

    public string? AskerId { get; init; }
    public string? ChannelId { get; init; }

    /// <summary>The thread the bot opened on the answer, where follow-up questions carry this question as context.</summary>
    public string? ThreadId { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}

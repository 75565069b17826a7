using BackgroundBot.Knowledge;

namespace BackgroundBot.Moderation;

/// <summary>What the audit keeps of a gap's dismissal: the question and who dismissed it why, never the askers' ids.</summary>
public sealed record GapDismissal(int Id, string Question, DateTimeOffset? DismissedAt, string? DismissedBy, string? DismissReason)
{
    public static GapDismissal Of(Gap gap)
    {
        ArgumentNullException.ThrowIfNull(gap);
        return new(gap.Id, gap.Question, gap.DismissedAt, gap.DismissedBy, gap.DismissReason);
    }
}

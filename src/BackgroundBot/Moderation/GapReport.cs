using BackgroundBot.Answering;
using BackgroundBot.Knowledge;

namespace BackgroundBot.Moderation;

/// <summary>Lists the gaps, each checked against the store as it is now, so a gap an import closed says so.</summary>
public sealed class GapReport(IModerationStore store, AnswerPipeline pipeline)
{
    /// <param name="includeDismissed">Also the gaps a moderator dismissed (off-topic questions).</param>
    public async Task<IReadOnlyList<GapStatus>> ListAsync(CancellationToken cancellationToken, bool includeDismissed = false)
    {
        var statuses = new List<GapStatus>();
        foreach (var gap in store.ListGaps().Where(g => includeDismissed || g.DismissedAt is null))
        {
            // Checked without recording: asking again here must not count as another unanswered question.
            var preparation = await pipeline.PrepareAsync(new AskRequest(gap.Question), cancellationToken);
            statuses.Add(new GapStatus(gap, preparation.Early is null));
        }

        return statuses;
    }
}

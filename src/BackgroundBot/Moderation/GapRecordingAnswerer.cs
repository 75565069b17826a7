using System.Runtime.CompilerServices;
using BackgroundBot.Answering;

namespace BackgroundBot.Moderation;

/// <summary>
/// Logs each question the bot declined as not covered for moderators, around whichever answerer is configured, so
/// the answerers themselves record nothing (an evaluation run or a gap's re-check asks without side effects).
/// </summary>
public sealed class GapRecordingAnswerer(IAnswerer inner, GapLog gaps) : IAnswerer
{
    public AnswerMode Mode => inner.Mode;

    public async Task<AskResult> AskAsync(AskRequest request, CancellationToken cancellationToken)
    {
        var result = await inner.AskAsync(request, cancellationToken);
        Record(request, result);
        return result;
    }

    public async IAsyncEnumerable<AnswerUpdate> StreamAsync(AskRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var update in inner.StreamAsync(request, cancellationToken))
        {
            if (update.Final is { } final)
            {
                Record(request, final);
            }

            yield return update;
        }
    }

    private void Record(AskRequest request, AskResult result)
    {
        if (request.RecordGap && result.Answer is { Declined: DeclineReason.NotCovered } declined)
        {
            gaps.Record(declined.Question, request.AskerId);
        }
    }
}

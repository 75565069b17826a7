namespace BackgroundBot.Answering;

/// <summary>
/// One step of a streamed answer: a draft of the text so far (not yet citation-checked, and restarted from scratch
/// if an attempt is retried), or, last, the final checked result.
/// </summary>
public sealed record AnswerUpdate(string Draft, AskResult? Final)
{
    public static AnswerUpdate Progress(string draft) => new(draft, null);

    public static AnswerUpdate Done(AskResult final) => new(final.Answer?.Text ?? "", final);
}

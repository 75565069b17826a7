namespace BackgroundBot.Answering;

/// <summary>Answers a question from the fact store, grounded in citations.</summary>
public interface IAnswerer
{
    /// <summary>How this answerer writes answers (members are told in /about).</summary>
    AnswerMode Mode { get; }

    Task<AskResult> AskAsync(AskRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// The same answer as <see cref="AskAsync"/>, with drafts along the way so a chat can show progress; the last
    /// update always carries the final, checked result.
    /// </summary>
    IAsyncEnumerable<AnswerUpdate> StreamAsync(AskRequest request, CancellationToken cancellationToken);
}

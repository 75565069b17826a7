namespace BackgroundBot.Answering;

/// <summary>Answers a question from the fact store, grounded in citations.</summary>
public interface IAnswerer
{
    Task<AskResult> AskAsync(AskRequest request, CancellationToken cancellationToken);
}

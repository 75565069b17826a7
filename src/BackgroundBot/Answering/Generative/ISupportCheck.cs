namespace BackgroundBot.Answering.Generative;

/// <summary>
/// Decides whether the passages a sentence cites support it. Every registered check must agree for the sentence to be
/// kept (<see cref="CitationCheck"/>), cheapest first: content overlap and neutrality now; a meaning-based check
/// (sentence embeddings from an <c>IEmbeddingGenerator&lt;string, Embedding&lt;float&gt;&gt;</c>) is one more
/// registration. Asynchronous because such a check calls a model.
/// </summary>
public interface ISupportCheck
{
    /// <param name="sentence">The sentence as the model wrote it, without its <c>[n]</c> markers.</param>
    /// <param name="cited">The passages its markers name, as the prompt showed them.</param>
    ValueTask<SupportResult> CheckAsync(string sentence, IReadOnlyList<PromptPassage> cited, CancellationToken cancellationToken);
}

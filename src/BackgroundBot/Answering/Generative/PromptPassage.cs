namespace BackgroundBot.Answering.Generative;

/// <summary>A passage as the model was shown it: its number in the prompt, its source, and its text.</summary>
/// <param name="N">The prompt number (1-based) that the model cites as <c>[n]</c>.</param>
/// <param name="Title">The article's title, or the curated fact's source.</param>
/// <param name="Published">The publication date (yyyy-MM-dd), or null when undated.</param>
/// <param name="Text">The passage text, exactly as stored.</param>
public sealed record PromptPassage(int N, string Title, string? Published, string Text);

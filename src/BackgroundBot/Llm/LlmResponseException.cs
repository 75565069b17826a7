namespace BackgroundBot.Llm;

/// <summary>The model answered, but not with something usable (empty or malformed); worth a retry.</summary>
public sealed class LlmResponseException(string message, Exception? inner = null) : Exception(message, inner);

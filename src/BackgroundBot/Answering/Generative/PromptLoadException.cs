namespace BackgroundBot.Answering.Generative;

/// <summary>A prompt file is missing or malformed; the message names the file.</summary>
public sealed class PromptLoadException(string message, Exception? inner = null) : Exception(message, inner);

namespace BackgroundBot.Knowledge;

/// <summary>The store file cannot be opened or is from a newer version; the message says which and where.</summary>
public sealed class StoreUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

namespace BackgroundBot.Knowledge;

/// <summary>What this process is (<c>serve</c>, <c>facts retract</c>), written beside the store it holds so a refused process can name it.</summary>
public sealed record StoreHolder(string Verb);

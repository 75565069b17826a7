namespace BackgroundBot.Answering;

/// <summary>A question, with the previous question of the conversation when it is a follow-up.</summary>
public sealed record AskRequest(string Question, string? PreviousQuestion = null);

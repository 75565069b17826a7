namespace BackgroundBot.Moderation;

public enum SuggestionStatus
{
    Pending,
    Approved,
    Rejected,
}

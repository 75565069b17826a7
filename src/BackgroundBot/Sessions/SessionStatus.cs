namespace BackgroundBot.Sessions;

public enum SessionStatus
{
    Active,
    Ended,
}

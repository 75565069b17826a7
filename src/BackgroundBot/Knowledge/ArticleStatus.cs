namespace BackgroundBot.Knowledge;

public enum ArticleStatus
{
    Active,

    /// <summary>A newer revision at the same URL replaced it; its passages are retired.</summary>
    Superseded,

    /// <summary>Removed by a moderator; its passages are retired.</summary>
    Removed,
}

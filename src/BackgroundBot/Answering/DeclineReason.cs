namespace BackgroundBot.Answering;

public enum DeclineReason
{
    /// <summary>Nothing in the store clears the relevance bar.</summary>
    NotCovered,

    /// <summary>The question asks the bot to judge the parties.</summary>
    TakesSides,

    /// <summary>The question tries to change the bot's rules.</summary>
    RuleOverride,

    /// <summary>The question asks for something outside the conflict's background (a hotel, a translation, a recipe).</summary>
    OffTopic,
}

namespace BackgroundBot.Moderation;

public enum SuggestionKind
{
    /// <summary>A member proposes a new fact.</summary>
    NewFact,

    /// <summary>A member proposes a correction to an existing fact.</summary>
    Correction,

    /// <summary>"Report a problem" on an answer.</summary>
    Report,
}

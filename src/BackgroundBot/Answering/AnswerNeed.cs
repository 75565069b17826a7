namespace BackgroundBot.Answering;

/// <summary>What kind of information a question (or one part of it) asks for.</summary>
[Flags]
public enum AnswerNeed
{
    None = 0,

    /// <summary>"when", "what date", "which year": a date.</summary>
    When = 1,

    /// <summary>"who", "which officials", "whose mediation": a person, people or an organisation.</summary>
    Who = 2,

    /// <summary>"where", "which town": a place.</summary>
    Where = 4,

    /// <summary>"how many", "how large", "what percentage": a number.</summary>
    HowMany = 8,

    /// <summary>"why", "what caused", "what reason": a cause or a stated reason.</summary>
    Why = 16,
}

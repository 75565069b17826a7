namespace BackgroundBot.Answering;

public enum AnswerMode
{
    /// <summary>Sentences chosen from retrieved passages; no model involved.</summary>
    Extractive,

    /// <summary>Written by the configured model from retrieved passages, then citation-checked.</summary>
    Generative,
}

namespace BackgroundBot.Quizzes;

public enum QuizStatus
{
    Running,
    Finished,

    /// <summary>The bot stopped while it ran; nobody can answer it any more.</summary>
    Abandoned,
}

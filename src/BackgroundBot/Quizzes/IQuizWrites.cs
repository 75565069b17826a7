using BackgroundBot.Storage;

namespace BackgroundBot.Quizzes;

/// <summary>Quizzes' writes inside one transaction.</summary>
public interface IQuizWrites : IStoreTransaction
{
    QuizRun InsertQuiz(QuizRun quiz);

    void UpdateQuiz(QuizRun quiz);

    /// <summary>Stores a member's answer unless they already answered that question; false when they had (the first press counts).</summary>
    bool TryAddAnswer(QuizAnswer answer);
}

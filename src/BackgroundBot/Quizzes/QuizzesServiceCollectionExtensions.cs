using BackgroundBot.Quizzes;

namespace Microsoft.Extensions.DependencyInjection;

public static class QuizzesServiceCollectionExtensions
{
    /// <summary><c>/quiz</c> in Discord: questions from the facts, the runner that times them, and the answer buttons.</summary>
    public static IServiceCollection AddQuizzesInDiscord(this IServiceCollection services)
    {
        services.AddSingleton<QuizGenerator>();
        services.AddSingleton<QuizRunner>();
        services.AddSingleton<QuizWording>();
        services.AddInteractionModule<QuizInteractionHandler>();

        // A quiz run in a session's channel while it ran goes into the session's transcript.
        services.AddSingleton<BackgroundBot.Sessions.ITranscriptContributor, QuizTranscriptContributor>();
        return services;
    }
}

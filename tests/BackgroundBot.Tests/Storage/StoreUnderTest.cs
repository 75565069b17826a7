using BackgroundBot.Community;
using BackgroundBot.Knowledge;
using BackgroundBot.Moderation;
using BackgroundBot.Sessions;
using BackgroundBot.Storage;

namespace BackgroundBot.Tests.Storage;

/// <summary>One provider's store as the features see it: their interfaces, the unit of work and the change feed.</summary>
public sealed record StoreUnderTest(
    IKnowledgeStore Knowledge,
    ICommunityStore Community,
    IModerationStore Moderation,
    ISessionStore Sessions,
    BackgroundBot.Quizzes.IQuizStore Quizzes,
    BackgroundBot.Faq.IFaqStore Faq,
    IUnitOfWork UnitOfWork,
    IStoreChanges Changes,
    IDisposable Lifetime) : IDisposable
{
    public void Dispose() => Lifetime.Dispose();
}

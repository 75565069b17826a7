using BackgroundBot.Storage;

namespace BackgroundBot.Faq;

/// <summary>The FAQ's writes inside one transaction; audited by the caller.</summary>
public interface IFaqWrites : IStoreTransaction
{
    void PutFaqCuration(FaqCuration curation);
}

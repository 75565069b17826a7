namespace BackgroundBot.Faq;

/// <summary>The FAQ's curations; the entries themselves are recomputed from members' questions every time.</summary>
public interface IFaqStore
{
    /// <summary>Runs <paramref name="work"/> in one transaction of the shared unit of work (see <see cref="Storage.IUnitOfWork"/>).</summary>
    T Write<T>(Func<IFaqWrites, T> work);

    IReadOnlyList<FaqCuration> ListFaqCurations();
}

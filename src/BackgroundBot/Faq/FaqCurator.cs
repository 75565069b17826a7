using BackgroundBot.Knowledge;

namespace BackgroundBot.Faq;

/// <summary>Pins, hides, rewords or resets one FAQ entry in one audited transaction (<c>faq.pin</c> … on <c>faq/KEY</c>).</summary>
public sealed class FaqCurator(IFaqStore store, TimeProvider time)
{
    public FaqCuration Change(string key, string actor, string action, Func<FaqCuration, FaqCuration> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return store.Write(write =>
        {
            var now = time.GetUtcNow();
            var before = store.ListFaqCurations().FirstOrDefault(c => c.Id == key);
            var after = change(before ?? new FaqCuration { Id = key, By = actor, At = now }) with { By = actor, At = now };
            write.PutFaqCuration(after);
            write.Knowledge().Audit(now, actor, action, $"faq/{key}", before, after);
            return after;
        });
    }
}

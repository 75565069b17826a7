using System.Text.RegularExpressions;
using BackgroundBot.Knowledge;

namespace BackgroundBot.Answering;

/// <summary>
/// Gives both names where a place has two in use: the first mention of "Stepanakert" in an answer becomes
/// "Stepanakert (Khankendi)", unless the answer already uses the other name anywhere. The name pairs and their
/// patterns are built once and again only when aliases change, not on every answer.
/// </summary>
public sealed class PlaceNames : IDisposable
{
    private readonly IKnowledgeStore _store;
    private readonly IDisposable _subscription;
    private volatile IReadOnlyList<NamePair>? _pairs;

    public PlaceNames(IKnowledgeStore store, IStoreChanges changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        _store = store;
        _subscription = changes.Subscribe(OnChanged);
    }

    public string AddAlternativeNames(string answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        foreach (var pair in _pairs ??= Build(_store))
        {
            var first = pair.FirstWord.IsMatch(answer);
            if (first == pair.SecondWord.IsMatch(answer))
            {
                continue;
            }

            var (mention, other) = first ? (pair.FirstBare, pair.Second) : (pair.SecondBare, pair.First);
            var match = mention.Match(answer);
            if (match.Success)
            {
                answer = string.Concat(answer.AsSpan(0, match.Index + match.Length), $" ({other})", answer.AsSpan(match.Index + match.Length));
            }
        }

        return answer;
    }

    public void Dispose() => _subscription.Dispose();

    private void OnChanged(StoreChange change)
    {
        if (change.AliasesChanged)
        {
            _pairs = null;
        }
    }

    // The first two names of a group are the pair in use by each side; later ones are spellings of them.
    private static List<NamePair> Build(IKnowledgeStore store) =>
        store.ListAliases()
            .Where(a => a.ShowBoth && a.Names.Count > 1)
            .Select(a => new NamePair(a.Names[0], a.Names[1], Word(a.Names[0]), Word(a.Names[1]), BareMention(a.Names[0]), BareMention(a.Names[1])))
            .ToList();

    private static Regex Word(string name) => new($@"\b{Regex.Escape(name)}\b", RegexOptions.CultureInvariant | RegexOptions.Compiled);

    // "Lachin corridor" is the road's name on both sides, and a name already followed by a bracket has its pair.
    private static Regex BareMention(string name) =>
        new($@"\b{Regex.Escape(name)}\b(?!\s+(corridor|district|road))(?!\s*\()(?!\))", RegexOptions.CultureInvariant | RegexOptions.Compiled);

    private sealed record NamePair(string First, string Second, Regex FirstWord, Regex SecondWord, Regex FirstBare, Regex SecondBare);
}

using BackgroundBot.Knowledge;

namespace BackgroundBot.Retrieval;

/// <summary>
/// Finds alias names in a question's terms and turns each into a group of all its names,
/// so a question about Khankendi finds passages that say Stepanakert.
/// </summary>
public sealed class AliasExpander
{
    private readonly List<IReadOnlyList<IReadOnlyList<string>>> _groups = [];
    private readonly HashSet<IReadOnlyList<IReadOnlyList<string>>> _synonyms = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<string> _terms = new(StringComparer.Ordinal);

    public AliasExpander(IEnumerable<AliasGroup> aliases, TextAnalyzer analyzer)
    {
        foreach (var alias in aliases)
        {
            var names = alias.Names
                .Select(n => (IReadOnlyList<string>)analyzer.AnalyzeDocument(n))
                .Where(t => t.Count > 0)
                .DistinctBy(t => string.Join(' ', t))
                .ToList();
            if (names.Count > 1)
            {
                _groups.Add(names);
                if (alias.Kind == AliasKind.Term)
                {
                    _synonyms.Add(names);
                }
                _terms.UnionWith(names.SelectMany(n => n));
            }
        }
    }

    /// <summary>Whether <paramref name="term"/> is part of an alias name (so it is no misspelling, even if no passage holds it).</summary>
    public bool Knows(string term) => _terms.Contains(term);

    public IReadOnlyList<QueryGroup> Expand(IReadOnlyList<string> terms)
    {
        var groups = new List<QueryGroup>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var i = 0;
        while (i < terms.Count)
        {
            var (alias, length) = LongestMatch(terms, i);
            if (alias is not null)
            {
                if (seen.Add(string.Join('|', alias.Select(a => string.Join(' ', a)))))
                {
                    groups.Add(new QueryGroup(alias, Synonyms: _synonyms.Contains(alias)));
                }

                i += length;
                continue;
            }

            if (seen.Add(terms[i]))
            {
                groups.Add(QueryGroup.Single(terms[i]));
            }

            i++;
        }

        return groups;
    }

    private (IReadOnlyList<IReadOnlyList<string>>? Alias, int Length) LongestMatch(IReadOnlyList<string> terms, int at)
    {
        IReadOnlyList<IReadOnlyList<string>>? best = null;
        var bestLength = 0;
        foreach (var group in _groups)
        {
            foreach (var name in group)
            {
                if (name.Count > bestLength && at + name.Count <= terms.Count && Matches(terms, at, name))
                {
                    best = group;
                    bestLength = name.Count;
                }
            }
        }

        return (best, bestLength);
    }

    private static bool Matches(IReadOnlyList<string> terms, int at, IReadOnlyList<string> name)
    {
        for (var j = 0; j < name.Count; j++)
        {
            if (!string.Equals(terms[at + j], name[j], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}

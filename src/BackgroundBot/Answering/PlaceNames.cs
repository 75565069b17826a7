using System.Text.RegularExpressions;
using BackgroundBot.Knowledge;

namespace BackgroundBot.Answering;

/// <summary>
/// Gives both names where a place has two in use: the first mention of "Stepanakert" in an answer becomes
/// "Stepanakert (Khankendi)", unless the answer already uses the other name anywhere.
/// </summary>
public sealed class PlaceNames(FactStore store)
{
    public string AddAlternativeNames(string answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        foreach (var alias in store.ListAliases().Where(a => a.ShowBoth && a.Names.Count > 1))
        {
            // The first two names are the pair in use by each side; later ones are spellings of them.
            var pair = alias.Names.Take(2).ToArray();
            var present = pair.Where(n => Word(n).IsMatch(answer)).ToArray();
            if (present.Length != 1)
            {
                continue;
            }

            var name = present[0];
            var other = pair.Single(n => n != name);
            var match = BareMention(name).Match(answer);
            if (match.Success)
            {
                answer = string.Concat(answer.AsSpan(0, match.Index + match.Length), $" ({other})", answer.AsSpan(match.Index + match.Length));
            }
        }

        return answer;
    }

    private static Regex Word(string name) => new($@"\b{Regex.Escape(name)}\b", RegexOptions.CultureInvariant);

    // "Lachin corridor" is the road's name on both sides, and a name already followed by a bracket has its pair.
    private static Regex BareMention(string name) =>
        new($@"\b{Regex.Escape(name)}\b(?!\s+(corridor|district|road))(?!\s*\()(?!\))", RegexOptions.CultureInvariant);
}

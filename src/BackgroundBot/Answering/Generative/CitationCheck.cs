using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using BackgroundBot.Text;

namespace BackgroundBot.Answering.Generative;

/// <summary>
/// Keeps only what the sources support, without trusting the model: every sentence must carry at least one
/// <c>[n]</c>, and every <c>n</c> must be a passage the model was given; other sentences are dropped. Citations are then
/// renumbered in the order the answer uses them.
/// </summary>
public static partial class CitationCheck
{
    /// <param name="reply">The model's final text.</param>
    /// <param name="passagesGiven">How many passages were numbered in the prompt (1 to this).</param>
    public static CheckedAnswer Check(string reply, int passagesGiven)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var kept = new List<(string Text, int[] Cites)>();
        var dropped = 0;
        foreach (var sentence in Sentences(reply))
        {
            var cites = Markers().Matches(sentence)
                .SelectMany(m => m.Groups[1].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                .Select(n => int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : -1)
                .ToArray();
            if (cites.Length == 0 || cites.Any(n => n < 1 || n > passagesGiven))
            {
                dropped++;
                continue;
            }

            kept.Add((sentence, cites));
        }

        var order = kept.SelectMany(k => k.Cites).Distinct().ToList();
        var text = new StringBuilder();
        foreach (var (sentence, cites) in kept)
        {
            var body = Markers().Replace(sentence, "").Trim();
            body = SpaceBeforePunctuation().Replace(body, "$1");
            var markers = string.Concat(cites.Distinct().Select(n => $"[{order.IndexOf(n) + 1}]"));
            if (text.Length > 0)
            {
                text.Append(' ');
            }

            text.Append(body).Append(' ').Append(markers);
        }

        return new CheckedAnswer(text.ToString(), order, dropped);
    }

    /// <summary>Sentences with the citation markers that follow their full stop ("... Russia. [1]") kept on them.</summary>
    private static IEnumerable<string> Sentences(string reply)
    {
        string? pending = null;
        foreach (var range in SentenceSplitter.Split(reply))
        {
            var sentence = reply[range].Trim();
            if (OnlyMarkers().IsMatch(sentence) && pending is not null)
            {
                pending = pending + " " + sentence;
                continue;
            }

            if (pending is not null)
            {
                yield return pending;
            }

            pending = sentence;
        }

        if (pending is not null)
        {
            yield return pending;
        }
    }

    [GeneratedRegex(@"\[\s*(\d+(?:\s*,\s*\d+)*)\s*\]")]
    private static partial Regex Markers();

    [GeneratedRegex(@"^(\[\s*\d+(?:\s*,\s*\d+)*\s*\]\s*)+$")]
    private static partial Regex OnlyMarkers();

    [GeneratedRegex(@"\s+([.,;:!?])")]
    private static partial Regex SpaceBeforePunctuation();
}

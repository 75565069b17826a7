using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using BackgroundBot.Text;
using Microsoft.Extensions.Logging;

namespace BackgroundBot.Answering.Generative;

/// <summary>
/// Keeps only what the sources support, without trusting the model: every sentence must carry at least one
/// <c>[n]</c>, every <c>n</c> must be a passage the model was given, and every <see cref="ISupportCheck"/> must find
/// the sentence supported by the passages it cites; other sentences are dropped. Citations are then renumbered in
/// the order the answer uses them.
/// </summary>
public sealed partial class CitationCheck(IEnumerable<ISupportCheck> checks, ILogger<CitationCheck> logger)
{
    private readonly ISupportCheck[] _checks = checks.ToArray();

    /// <param name="reply">The model's final text.</param>
    /// <param name="passages">The passages as the prompt numbered them (1 to Count).</param>
    public async Task<CheckedAnswer> CheckAsync(string reply, IReadOnlyList<PromptPassage> passages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reply);
        ArgumentNullException.ThrowIfNull(passages);
        var kept = new List<(string Body, int[] Cites)>();
        var dropped = 0;
        foreach (var sentence in Sentences(reply))
        {
            var cites = Markers().Matches(sentence)
                .SelectMany(m => m.Groups[1].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                .Select(n => int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : -1)
                .Distinct()
                .ToArray();
            if (cites.Length == 0 || cites.Any(n => n < 1 || n > passages.Count))
            {
                dropped++;
                continue;
            }

            var body = SpaceBeforePunctuation().Replace(Markers().Replace(sentence, "").Trim(), "$1");
            if (!await IsSupportedAsync(body, cites.Select(n => passages[n - 1]).ToList(), cancellationToken))
            {
                dropped++;
                continue;
            }

            kept.Add((body, cites));
        }

        var order = kept.SelectMany(k => k.Cites).Distinct().ToList();
        var text = new StringBuilder();
        foreach (var (body, cites) in kept)
        {
            var markers = string.Concat(cites.Select(n => $"[{order.IndexOf(n) + 1}]"));
            if (text.Length > 0)
            {
                text.Append(' ');
            }

            text.Append(body).Append(' ').Append(markers);
        }

        return new CheckedAnswer(text.ToString(), order, dropped);
    }

    private async Task<bool> IsSupportedAsync(string sentence, IReadOnlyList<PromptPassage> cited, CancellationToken cancellationToken)
    {
        foreach (var check in _checks)
        {
            var result = await check.CheckAsync(sentence, cited, cancellationToken);
            if (!result.IsSupported)
            {
                Log.SentenceUnsupported(logger, check.GetType().Name, result.Reason ?? "no reason given", sentence);
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Sentences with the citation markers that follow their full stop ("... Russia. [1]") kept on them. The splitter
    /// puts such markers at the start of the next sentence ("[1] The corridor..."), where they would cite the wrong one.
    /// </summary>
    private static IEnumerable<string> Sentences(string reply)
    {
        string? pending = null;
        foreach (var range in SentenceSplitter.Split(reply))
        {
            var sentence = reply[range].Trim();
            if (pending is not null && LeadingMarkers().Match(sentence) is { Success: true } leading)
            {
                pending = pending + " " + leading.Value.TrimEnd();
                sentence = sentence[leading.Length..];
                if (sentence.Length == 0)
                {
                    continue;
                }
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

    [GeneratedRegex(@"^(?:\[\s*\d+(?:\s*,\s*\d+)*\s*\]\s*)+")]
    private static partial Regex LeadingMarkers();

    [GeneratedRegex(@"\s+([.,;:!?])")]
    private static partial Regex SpaceBeforePunctuation();
}

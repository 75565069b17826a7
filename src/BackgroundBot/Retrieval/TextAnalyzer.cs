using System.Globalization;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace BackgroundBot.Retrieval;

/// <summary>
/// Turns text into index terms with Lucene.Net's English chain (standard tokenizer, possessives, lower case,
/// ASCII folding so "Şuşa" meets "Susa", stop words, Porter stemming), then folds numbers so that
/// "six weeks" and "6 weeks" meet and "1,960" reads as 1960. Questions also drop question words.
/// </summary>
public sealed class TextAnalyzer : IDisposable
{
    private static readonly LuceneVersion Version = LuceneVersion.LUCENE_48;

    // Words that shape a question but never carry its topic.
    private static readonly string[] QuestionWords =
    [
        "who", "whom", "whose", "what", "which", "when", "where", "why", "how", "did", "does", "do", "done",
        "has", "have", "had", "can", "could", "would", "should", "about", "tell", "me", "please", "you", "your",
        "i", "we", "our", "us", "its", "was", "were", "been", "being", "am", "any", "some", "happened", "happen",

        // Chat: how members ask in a channel ("i heard it got delayed", "is it still a thing?"), never the topic.
        "actually", "really", "just", "heard", "hear", "got", "get", "thing", "things", "stuff", "basically", "kinda",
        "pretty", "wondering", "curious", "know", "anyone", "someone", "guys", "hey", "pls", "plz", "ok", "okay", "lol",
        "like", "gonna", "wanna", "say", "said", "saying", "mean", "exactly", "roughly", "approximately", "anyway",

        // Framing: how a question asks for time or for the sides' accounts, which the question reading handles.
        "before", "after", "during", "differ", "differs", "differently", "accounts", "versions", "interpret",
        "interpretation", "interpretations",
    ];

    private static readonly Dictionary<string, string> NumberWords = new(StringComparer.Ordinal)
    {
        ["one"] = "1", ["two"] = "2", ["three"] = "3", ["four"] = "4", ["five"] = "5", ["six"] = "6", ["seven"] = "7",
        ["eight"] = "8", ["nine"] = "9", ["ten"] = "10", ["eleven"] = "11", ["twelv"] = "12", ["twenti"] = "20",
        ["thirti"] = "30", ["forti"] = "40", ["fifti"] = "50", ["hundr"] = "100", ["thousand"] = "1000",
    };

    private readonly Analyzer _documents;
    private readonly Analyzer _questions;

    public TextAnalyzer()
    {
        _documents = new EnglishTermAnalyzer(EnglishAnalyzer.DefaultStopSet);
        var questionStops = new CharArraySet(Version, EnglishAnalyzer.DefaultStopSet.Count + QuestionWords.Length, ignoreCase: true);
        foreach (var word in EnglishAnalyzer.DefaultStopSet)
        {
            questionStops.Add(word);
        }

        foreach (var word in QuestionWords)
        {
            questionStops.Add(word);
        }

        _questions = new EnglishTermAnalyzer(questionStops);
    }

    /// <summary>Terms of a passage or sentence, in order, repeats kept.</summary>
    public List<string> AnalyzeDocument(string text) => Analyze(_documents, text);

    /// <summary>Terms of a question, in order, without question words.</summary>
    public List<string> AnalyzeQuestion(string text) => Analyze(_questions, text);

    public void Dispose()
    {
        _documents.Dispose();
        _questions.Dispose();
    }

    private static List<string> Analyze(Analyzer analyzer, string text)
    {
        var terms = new List<string>();
        using var stream = analyzer.GetTokenStream("text", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            terms.Add(Fold(term.ToString()));
        }

        stream.End();
        return terms;
    }

    private static string Fold(string term)
    {
        if (NumberWords.TryGetValue(term, out var digits))
        {
            return digits;
        }

        if (term.Length > 1 && char.IsAsciiDigit(term[0]) && term.Contains(',', StringComparison.Ordinal)
            && long.TryParse(term, NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var number))
        {
            return number.ToString(CultureInfo.InvariantCulture);
        }

        return term;
    }

    private sealed class EnglishTermAnalyzer(CharArraySet stopWords) : Analyzer
    {
        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var source = new StandardTokenizer(Version, reader);
            TokenStream result = new EnglishPossessiveFilter(Version, source);
            result = new LowerCaseFilter(Version, result);
            result = new ASCIIFoldingFilter(result);
            result = new StopFilter(Version, result, stopWords);
            result = new PorterStemFilter(result);
            return new TokenStreamComponents(source, result);
        }
    }
}

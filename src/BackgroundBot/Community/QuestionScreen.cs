using System.Text.RegularExpressions;

namespace BackgroundBot.Community;

/// <summary>Questions made only of mentions or links carry nothing to look up; they get a clear reply instead.</summary>
public static partial class QuestionScreen
{
    public static bool HasWords(string question) => Letters().IsMatch(Noise().Replace(question ?? "", " "));

    [GeneratedRegex(@"<@[!&]?\d+>|<#\d+>|<a?:\w+:\d+>|@everyone|@here|https?://\S+|www\.\S+", RegexOptions.IgnoreCase)]
    private static partial Regex Noise();

    [GeneratedRegex(@"\p{L}{2,}")]
    private static partial Regex Letters();
}

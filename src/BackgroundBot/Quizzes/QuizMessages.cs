using System.Globalization;
using System.Text;
using BackgroundBot.Bot;
using BackgroundBot.Discord.Models;

namespace BackgroundBot.Quizzes;

/// <summary>What members see of a quiz: the open question with its countdown and buttons, its reveal, the leaderboard.</summary>
public static class QuizMessages
{
    public const string Prefix = "quiz:";

    private static readonly string[] Letters = ["A", "B", "C", "D"];

    public static string CustomId(int quizId, int question, int option) =>
        string.Create(CultureInfo.InvariantCulture, $"{Prefix}{quizId}:{question}:{option}");

    public static (int Quiz, int Question, int Option)? Parse(string customId)
    {
        ArgumentNullException.ThrowIfNull(customId);
        var parts = customId.StartsWith(Prefix, StringComparison.Ordinal) ? customId[Prefix.Length..].Split(':') : [];
        return parts.Length == 3
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var quiz)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var question)
            && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var option)
            ? (quiz, question, option)
            : null;
    }

    public static string Option(QuizQuestion question, int option) => $"{Letters[option]}. {question.Options[option]}";

    public static DiscordMessage Question(QuizRun quiz, int index, int secondsLeft)
    {
        ArgumentNullException.ThrowIfNull(quiz);
        var question = quiz.Questions[index];
        return new DiscordMessage
        {
            Embeds =
            [
                new Embed
                {
                    Title = Title(quiz, index),
                    Description = DiscordLimits.Trim(question.Prompt, DiscordLimits.EmbedDescription),
                    Footer = string.Create(CultureInfo.InvariantCulture, $"⏱ {secondsLeft} s left · your first press counts"),
                },
            ],
            Components = [Buttons(quiz, index, reveal: null)],
        };
    }

    public static DiscordMessage Reveal(QuizRun quiz, int index, IReadOnlyList<int> counts)
    {
        ArgumentNullException.ThrowIfNull(quiz);
        ArgumentNullException.ThrowIfNull(counts);
        var question = quiz.Questions[index];
        var source = question.SourceUrl is { } url ? $"[{question.SourceTitle.Replace("]", ")", StringComparison.Ordinal)}](<{url}>)" : question.SourceTitle;
        var tally = new StringBuilder();
        for (var i = 0; i < question.Options.Count; i++)
        {
            tally.Append(CultureInfo.InvariantCulture, $"{Option(question, i)}: {counts[i]}{(i == question.Answer ? " ✓" : "")}\n");
        }

        return new DiscordMessage
        {
            Embeds =
            [
                new Embed
                {
                    Title = Title(quiz, index) + " · time's up",
                    Description = DiscordLimits.Trim(
                        $"{question.Prompt}\n\n**Right answer: {Option(question, question.Answer)}**\nSource: {source} (fact {question.FactId})",
                        DiscordLimits.EmbedDescription),
                    Fields = [new EmbedField("How the room answered", tally.ToString().TrimEnd())],
                    Footer = "⏱ closed",
                },
            ],
            Components = [Buttons(quiz, index, reveal: question.Answer)],
        };
    }

    /// <summary>The leaderboard, by display name: never a mention, so nobody is pinged.</summary>
    public static DiscordMessage Leaderboard(QuizRun quiz, IReadOnlyList<LeaderboardEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(quiz);
        ArgumentNullException.ThrowIfNull(entries);
        var lines = entries.Count == 0
            ? "Nobody answered."
            : string.Join('\n', entries.Take(15).Select(e => string.Create(CultureInfo.InvariantCulture,
                $"{e.Rank}. **{Escape(e.UserName)}**: {e.Points} points ({e.Correct} of {quiz.Questions.Count} right)")));
        return new DiscordMessage
        {
            Embeds = [new Embed { Title = "Quiz over: leaderboard", Description = lines, Footer = "Points for a right answer, more for a fast one." }],
            AllowedMentions = AllowedMentions.None,
        };
    }

    private static string Title(QuizRun quiz, int index) =>
        string.Create(CultureInfo.InvariantCulture, $"Question {index + 1} of {quiz.Questions.Count}");

    private static ActionRow Buttons(QuizRun quiz, int index, int? reveal)
    {
        var question = quiz.Questions[index];
        return new ActionRow(
            [.. question.Options.Select((_, i) => (MessageComponent)new Button
            {
                Label = DiscordLimits.Trim(Option(question, i), 80),
                CustomId = CustomId(quiz.Id, index, i),
                Style = reveal == i ? ButtonStyle.Success : ButtonStyle.Primary,
                Disabled = reveal is not null,
            })]);
    }

    private static string Escape(string name) =>
        name.Replace("*", "\\*", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal).Replace("@", "@\u200b", StringComparison.Ordinal);
}

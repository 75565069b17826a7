using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using BackgroundBot.Knowledge;

namespace BackgroundBot.Cli;

/// <summary>
/// Options and arguments whose bad values are refused in one line saying what is expected ("--from expects a year
/// such as 1994"), never a .NET type name.
/// </summary>
public static class CliValues
{
    public static Option<int?> Year(string name, string description)
    {
        var option = new Option<int?>(name) { Description = description, HelpName = "YYYY" };
        option.CustomParser = result => Whole(result, $"{name} expects a year such as 1994", min: 1, max: 9999);
        return option;
    }

    /// <summary>A whole number of at least <paramref name="min"/>.</summary>
    public static Option<int?> Count(string name, string description, string example)
    {
        var option = new Option<int?>(name) { Description = description, HelpName = "N" };
        option.CustomParser = result => Whole(result, $"{name} expects a whole number of 1 or more, such as {example}", min: 1, max: int.MaxValue);
        return option;
    }

    public static Option<int?> Id(string name, string description, string what)
    {
        var option = new Option<int?>(name) { Description = description, HelpName = "ID" };
        option.CustomParser = result => Whole(result, $"{name} expects {what} id, a whole number such as 12", min: 1, max: int.MaxValue);
        return option;
    }

    public static Argument<int> IdArgument(string name, string description, string what)
    {
        var argument = new Argument<int>(name) { Description = description, HelpName = "ID" };
        argument.CustomParser = result => Whole(result, $"{name.ToUpperInvariant()} expects {what} id, a whole number such as 12", min: 1, max: int.MaxValue) ?? 0;
        return argument;
    }

    /// <summary>A topic from <see cref="Topics.All"/>; an unknown one is refused with the list.</summary>
    public static Option<string?> Topic(string description, bool required = false)
    {
        var option = new Option<string?>("--topic") { Description = $"{description} One of {string.Join(", ", Topics.All)}.", HelpName = "TOPIC", Required = required };
        option.Validators.Add(result =>
        {
            if (result.Tokens.Count > 0 && !Topics.IsKnown(result.Tokens[0].Value))
            {
                result.AddError(Topics.Unknown(result.Tokens[0].Value));
            }
        });
        return option;
    }

    /// <summary>A date <c>YYYY-MM-DD</c> (or a moment in ISO 8601), read as UTC.</summary>
    public static Option<DateTimeOffset?> Since(string name, string description)
    {
        var option = new Option<DateTimeOffset?>(name) { Description = description, HelpName = "YYYY-MM-DD" };
        option.CustomParser = result =>
        {
            var value = result.Tokens.Single().Value;
            if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                return new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            }

            if (value.Contains('T', StringComparison.Ordinal)
                && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var moment))
            {
                return moment;
            }

            result.AddError($"{name} expects a date such as 2026-11-01 (or 2026-11-01T09:30Z), not '{value}'.");
            return null;
        };
        return option;
    }

    private static int? Whole(ArgumentResult result, string expected, int min, int max)
    {
        var value = result.Tokens.Single().Value;
        if (int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max)
        {
            return number;
        }

        result.AddError($"{expected}, not '{value}'.");
        return null;
    }
}

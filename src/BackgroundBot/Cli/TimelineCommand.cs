using System.CommandLine;
using BackgroundBot.Answering;
using BackgroundBot.Knowledge;
using BackgroundBot.Timeline;
using Microsoft.Extensions.DependencyInjection;

namespace BackgroundBot.Cli;

/// <summary><c>timeline [--topic T] [--from YYYY] [--to YYYY] [--place NAME] [--json] [--png FILE]</c>: the dated facts in order, with sources.</summary>
public static class TimelineCommand
{
    public static Command Create(CliContext cli)
    {
        var topic = CliValues.Topic("Only one topic.");
        var from = CliValues.Year("--from", "From this year.");
        var to = CliValues.Year("--to", "Up to this year.");
        var place = new Option<string?>("--place") { Description = "Only facts about this place, under any of its names.", HelpName = "NAME" };
        var json = FactsCommand.JsonOption();
        var png = new Option<FileInfo?>("--png") { Description = "Also draw the timeline as a PNG picture into this file.", HelpName = "FILE" };
        var command = new Command("timeline", "Show the dated facts in order, with their sources.") { topic, from, to, place, json, png };
        command.Validators.Add(result =>
        {
            // Read from the tokens: a value that failed its own parser has already been reported, and GetValue would throw.
            if (Year(result.GetResult(from)) is { } start && Year(result.GetResult(to)) is { } end && start > end)
            {
                result.AddError($"--from {start} is after --to {end}; give the earlier year to --from.");
            }
        });
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var host = await cli.StartHostAsync(parseResult, cancellationToken);
            var filter = new TimelineFilter(parseResult.GetValue(topic), parseResult.GetValue(from), parseResult.GetValue(to), parseResult.GetValue(place));
            var entries = new TimelineQuery(host.Services.GetRequiredService<IKnowledgeStore>()).Build(filter.Topic, filter.From, filter.To, filter.Place);
            if (parseResult.GetValue(png) is { } pngFile)
            {
                if (TimelineChart.MissingFont() is { } problem)
                {
                    await cli.Error.WriteLineAsync(problem);
                }

                var names = host.Services.GetRequiredService<PlaceNames>();
                var chart = TimelineChart.Build(entries, filter.Describe(), names.AddAlternativeNames);
                await File.WriteAllBytesAsync(pngFile.FullName, TimelineChart.RenderPng(chart), cancellationToken);
                await cli.Error.WriteLineAsync(chart.Cut
                    ? $"Wrote {pngFile.FullName}: the first {chart.Marks.Count} of {chart.Total} dated facts (narrow it with --topic, --from, --to or --place)."
                    : $"Wrote {pngFile.FullName}: {chart.Total} dated facts.");
            }
            if (parseResult.GetValue(json))
            {
                var table = new CliTable().Column("", "date").Column("", "dateEnd").Column("", "topic").Column("", "factId")
                    .Column("", "statement").Column("", "sourceTitle").Column("", "sourceUrl");
                foreach (var entry in entries)
                {
                    table.Row(entry.Date, entry.DateEnd, entry.Topic, entry.FactId, entry.Statement, entry.SourceTitle, entry.SourceUrl);
                }

                await table.WriteAsync(cli, json: true, "");
                return ExitCodes.Success;
            }

            if (entries.Count == 0)
            {
                await cli.Output.WriteLineAsync("No dated facts match.");
                return ExitCodes.Success;
            }

            foreach (var entry in entries)
            {
                var when = entry.DateEnd is null ? entry.Date : $"{entry.Date} to {entry.DateEnd}";
                await cli.Output.WriteLineAsync($"{when}  [{entry.Topic}] {entry.Statement}");
                await cli.Output.WriteLineAsync($"    source: {entry.SourceTitle}{(entry.SourceUrl is null ? "" : " — " + entry.SourceUrl)}");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static int? Year(System.CommandLine.Parsing.OptionResult? result) =>
        result?.Tokens is [var token] && int.TryParse(token.Value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year) ? year : null;
}

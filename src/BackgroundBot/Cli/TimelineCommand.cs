using System.CommandLine;
using BackgroundBot.Knowledge;
using BackgroundBot.Sessions;
using Microsoft.Extensions.DependencyInjection;

namespace BackgroundBot.Cli;

/// <summary><c>timeline [--topic T] [--from YYYY] [--to YYYY] [--place NAME]</c>: the dated facts in order, with sources.</summary>
public static class TimelineCommand
{
    public static Command Create(CliContext cli)
    {
        var topic = new Option<string?>("--topic") { Description = $"Only one topic: {string.Join(", ", Topics.All)}." };
        topic.AcceptOnlyFromAmong([.. Topics.All]);
        var from = new Option<int?>("--from") { Description = "From this year.", HelpName = "YYYY" };
        var to = new Option<int?>("--to") { Description = "Up to this year.", HelpName = "YYYY" };
        var place = new Option<string?>("--place") { Description = "Only facts about this place, under any of its names." };
        var command = new Command("timeline", "Show the dated facts in order, with their sources.") { topic, from, to, place };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var host = await cli.StartHostAsync(parseResult, cancellationToken);
            var entries = new Timeline(host.Services.GetRequiredService<FactStore>())
                .Build(parseResult.GetValue(topic), parseResult.GetValue(from), parseResult.GetValue(to), parseResult.GetValue(place));
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
}

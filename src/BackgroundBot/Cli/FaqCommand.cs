using System.CommandLine;
using BackgroundBot.Faq;
using Microsoft.Extensions.DependencyInjection;

namespace BackgroundBot.Cli;

/// <summary><c>faq --out FILE.md [--topic T] [--days N] [--count N]</c>: the FAQ members' questions make, as Markdown.</summary>
public static class FaqCommand
{
    public static Command Create(CliContext cli)
    {
        var output = new Option<FileInfo>("--out") { Description = "The Markdown file to write.", Required = true, HelpName = "FILE.md" };
        var topic = CliValues.Topic("Only answers citing facts of one topic.");
        var days = CliValues.Count("--days", "Questions of the last N days (default 90).", "90");
        var count = CliValues.Count("--count", "How many entries (default 20).", "20");
        var command = new Command("faq", "Write the FAQ: the questions members asked most, grouped by meaning, with their current cited answers.") { output, topic, days, count };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var host = await cli.StartHostAsync(parseResult, cancellationToken);
            var builder = ActivatorUtilities.CreateInstance<FaqBuilder>(host.Services);
            var period = TimeSpan.FromDays(parseResult.GetValue(days) ?? FaqBuilder.DefaultPeriod.TotalDays);
            var items = await builder.BuildAsync(parseResult.GetValue(topic), period, parseResult.GetValue(count) ?? 20, cancellationToken);
            var file = parseResult.GetValue(output)!;
            var now = host.Services.GetRequiredService<TimeProvider>().GetUtcNow();
            await File.WriteAllTextAsync(file.FullName, FaqText.Markdown(items, parseResult.GetValue(topic), period, now), cancellationToken);
            await cli.Output.WriteLineAsync($"Wrote {file.FullName}: {items.Count} entr{(items.Count == 1 ? "y" : "ies")}.");
            return ExitCodes.Success;
        });
        return command;
    }
}

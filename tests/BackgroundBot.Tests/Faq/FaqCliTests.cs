using BackgroundBot.Cli;
using BackgroundBot.Community;
using BackgroundBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace BackgroundBot.Tests.Faq;

public sealed class FaqCliTests
{
    [Fact]
    public async Task Faq_out_writes_the_most_asked_groups_as_markdown_with_their_sources()
    {
        using var folder = TempFolder.Create();
        var db = Path.Combine(folder.Path, "faq.db");
        using (var store = new TestStore(pack: true, settings: new Dictionary<string, string?> { ["Store:Path"] = db }))
        {
            // Answers as /ask records them, asked just now (the verb's clock is the real one); of two wordings asked as often, the later one names the entry.
            var now = DateTimeOffset.UtcNow;
            store.Services.GetRequiredService<ICommunityStore>().Write(write =>
            {
                foreach (var (question, minutes) in new[] { ("Who is monitoring the Lachin corridor?", 5), ("Who monitors the Lachin corridor?", 4), ("When was the Bishkek Protocol signed?", 3) })
                {
                    write.InsertAnswer(new AnswerRecord { Question = question, Text = "…", CreatedAt = now.AddMinutes(-minutes) });
                }

                return 0;
            });
        }

        var output = Path.Combine(folder.Path, "FAQ.md");
        var run = await CliRun.RunAsync("faq", "--out", output, "--db", db);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("2 entries", run.Output, StringComparison.Ordinal);
        var markdown = await File.ReadAllTextAsync(output);
        Assert.StartsWith("# Frequently asked questions\n", markdown, StringComparison.Ordinal);
        Assert.True(markdown.Contains("\n## 1. Who monitors the Lachin corridor?\n\nAsked 2 times; also asked as: “Who is monitoring the Lachin corridor?”.", StringComparison.Ordinal), markdown);
        Assert.Contains("\n## 2. When was the Bishkek Protocol signed?\n\nAsked once.", markdown, StringComparison.Ordinal);
        Assert.Matches(@"\n- \[1\] .+ — https?://", markdown);
    }
}

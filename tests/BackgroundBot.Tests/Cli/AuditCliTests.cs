using System.Text.Json;
using BackgroundBot.Cli;

namespace BackgroundBot.Tests.Cli;

/// <summary>`audit` filters by actor, action and day; `--by` names who curates from a shell; bad filters say what is expected.</summary>
public sealed class AuditCliTests : IDisposable
{
    private readonly CliStore _cli = new();

    [Fact]
    public async Task Curation_is_audited_under_by_or_the_os_user_and_filters_by_actor_action_and_since()
    {
        var alice = await _cli.Run("facts", "add", "--statement", "A fact Alice added.", "--date", "2024", "--topic", "politics", "--url", "https://example.org/a", "--by", "alice");
        await _cli.Run("facts", "retract", CliStore.Id(alice.Output, "Added fact"), "--reason", "test", "--by", "bob");
        await _cli.Run("aliases", "add", "Vorotan", "Vorotani");

        var byAlice = await Entries("audit", "--actor", "alice", "--json");
        var byBobFull = await Entries("audit", "--actor", "cli:bob", "--json");
        var mine = await Entries("audit", "--actor", Environment.UserName, "--json");
        var retractions = await Entries("audit", "--action", "fact.retract", "--json");
        var factChanges = await Entries("audit", "--action", "fact", "--since", "2000-01-01", "--json");
        var future = await _cli.Run("audit", "--since", "2999-01-01");

        Assert.Equal([("cli:alice", "fact.add")], byAlice);
        Assert.Equal([("cli:bob", "fact.retract")], byBobFull);
        Assert.Contains(("cli:" + Environment.UserName, "alias.add"), mine);
        Assert.Equal([("cli:bob", "fact.retract")], retractions);
        Assert.Contains(("cli:alice", "fact.add"), factChanges);
        Assert.All(factChanges, e => Assert.StartsWith("fact.", e.Action, StringComparison.Ordinal));
        Assert.Equal(ExitCodes.Success, future.ExitCode);
        Assert.Equal("No audit entries match.", future.Output.Trim());
    }

    [Theory]
    [InlineData("--subject", "bogus", "--subject expects a kind and an id such as fact/12")]
    [InlineData("--recent", "-5", "--recent expects a whole number of 1 or more")]
    [InlineData("--recent", "lots", "--recent expects a whole number of 1 or more")]
    [InlineData("--since", "yesterday", "--since expects a date such as 2026-11-01")]
    [InlineData("--action", "fact.frobnicate", "--action expects one of fact, article, alias, suggestion, gap or ")]
    [InlineData("--item", "x", "--item expects an audit entry id")]
    public async Task A_bad_filter_is_one_line_saying_what_is_expected(string option, string value, string expected)
    {
        var run = await _cli.Run("audit", option, value);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Equal("", run.Output);
        var line = Assert.Single(run.Error.TrimEnd().Split('\n'));
        Assert.StartsWith(expected, line, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", line, StringComparison.Ordinal);
    }

    public void Dispose() => _cli.Dispose();

    private async Task<List<(string Actor, string Action)>> Entries(params string[] args)
    {
        var run = await _cli.Run(args);
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        return json.RootElement.EnumerateArray().Select(e => (e.GetProperty("actor").GetString()!, e.GetProperty("action").GetString()!)).ToList();
    }
}

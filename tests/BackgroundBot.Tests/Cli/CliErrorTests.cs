using System.CommandLine;
using BackgroundBot.Cli;
using BackgroundBot.Tests.Infrastructure;

namespace BackgroundBot.Tests.Cli;

/// <summary>Every command-line mistake is one line a person can act on, and every option and argument explains itself.</summary>
public sealed class CliErrorTests : IDisposable
{
    private readonly CliStore _cli = new();

    [Theory]
    [InlineData("Unknown verb 'frobnicate'; the verbs are ask, eval, import", "frobnicate")]
    [InlineData("Give a verb: ask, eval, import")]
    [InlineData("Unknown facts verb 'lst'; the facts verbs are list, search, show, add, edit, retract, undo.", "facts", "lst")]
    [InlineData("Put the question in quotes: ask \"Who were the Minsk Group co-chairs?\"", "ask", "Who", "were", "the", "Minsk", "Group", "co-chairs?")]
    [InlineData("--from expects a year such as 1994, not 'abc'.", "timeline", "--from", "abc")]
    [InlineData("--to expects a year such as 1994, not 'soon'.", "timeline", "--to", "soon")]
    [InlineData("--from 2000 is after --to 1990; give the earlier year to --from.", "timeline", "--from", "2000", "--to", "1990")]
    [InlineData("ID expects a passage id, a whole number such as 12, not 'seven'.", "passage", "seven")]
    [InlineData("AUDIT-ID expects an audit entry id, a whole number such as 12, not 'last'.", "facts", "undo", "last")]
    [InlineData("--kind expects one of place, party, organisation, term, not 'city'.", "aliases", "add", "A", "B", "--kind", "city")]
    [InlineData("Unknown option '--jsno' for ask; `ask --help` lists its options.", "ask", "Who brokered the ceasefire?", "--jsno")]
    [InlineData("--date expects a date such as 2023-05-02, not 'May 2023'.", "import", "x.txt", "--date", "May 2023")]
    public async Task A_usage_error_is_one_line_saying_what_to_do_and_exits_2(string expected, params string[] args)
    {
        var run = await _cli.Run(args);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        var line = Assert.Single(run.Error.TrimEnd().Split('\n'));
        Assert.StartsWith(expected, line, StringComparison.Ordinal);
        Assert.DoesNotContain("Required command was not provided", line, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", line, StringComparison.Ordinal);
        Assert.False(File.Exists(_cli.Db), "A usage error must not create the store.");
    }

    [Fact]
    public void Every_option_and_argument_of_every_verb_has_help_text()
    {
        using var output = new StringWriter();
        var root = CliApp.CreateRoot(new CliContext(output, output, null));
        var missing = new List<string>();
        void Visit(Command command, string path)
        {
            missing.AddRange(command.Arguments.Where(a => string.IsNullOrWhiteSpace(a.Description)).Select(a => $"{path} <{a.Name}>"));
            missing.AddRange(command.Options.Where(o => string.IsNullOrWhiteSpace(o.Description)).Select(o => $"{path} {o.Name}"));
            if (string.IsNullOrWhiteSpace(command.Description))
            {
                missing.Add(path);
            }

            foreach (var sub in command.Subcommands)
            {
                Visit(sub, $"{path} {sub.Name}");
            }
        }

        Visit(root, "BackgroundBot");

        Assert.Empty(missing);
    }

    [Fact]
    public async Task Help_for_a_verb_describes_each_argument()
    {
        var help = await CliRun.RunAsync("facts", "undo", "--help");

        Assert.Equal(ExitCodes.Success, help.ExitCode);
        Assert.Contains("The audit entry to revert", help.Output, StringComparison.Ordinal);
        Assert.Contains("--cascade", help.Output, StringComparison.Ordinal);
        Assert.Contains("--by", help.Output, StringComparison.Ordinal);
    }

    public void Dispose() => _cli.Dispose();
}

using System.Text;
using BackgroundBot.Cli;
using BackgroundBot.Knowledge.Import;
using BackgroundBot.Tests.Infrastructure;

namespace BackgroundBot.Tests.Knowledge;

/// <summary>
/// Import work stays linear in the file: nesting deeper than a documented depth is refused in one line (not minutes of CPU,
/// not a crash), and ordinary nesting still imports.
/// </summary>
public sealed class NestedImportTests
{
    private const string Sentence = "The ceasefire agreed in Moscow ended four days of heavy fighting along the line of contact, and observers reported sporadic fire in the first hours. ";

    [Fact]
    public void Html_85000_divs_deep_is_refused_in_one_line_and_nothing_is_stored()
    {
        using var store = new TestStore();
        var articles = store.Store.ListArticles().Count;
        var html = "<html><body>" + Repeat("<div>", 85_000) + "<p>" + Sentence + "</p></body></html>";

        var result = store.Import("deep.html", html);

        Assert.Equal(ImportOutcome.Failed, result.Outcome);
        Assert.Equal("deep.html: the HTML is nested more than 256 elements deep (articles are far shallower).", result.Message);
        Assert.Equal(articles, store.Store.ListArticles().Count);
    }

    [Theory]
    [InlineData("<span><div></span>")]
    [InlineData("<div><b></div>x")]
    [InlineData("<table><tr><td>")]
    [InlineData("<template><div>")]
    public void Html_whose_misnesting_the_parser_turns_into_deep_nesting_is_refused(string unit)
    {
        using var store = new TestStore();

        var result = store.Import("misnested.html", "<html><body>" + Repeat(unit, 40_000) + "<p>" + Sentence + "</p></body></html>");

        Assert.Equal(ImportOutcome.Failed, result.Outcome);
        Assert.Contains("nested more than 256 elements deep", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_200_elements_deep_imports()
    {
        using var store = new TestStore();
        var section = Repeat("<div>", 200) + "<p>" + Sentence + "</p>" + Repeat("</div>", 200);
        var html = "<html><body><article>" + Repeat(section, 200_000 / section.Length) + "</article></body></html>";

        var result = store.Import("nested.html", html);

        Assert.Equal(ImportOutcome.Imported, result.Outcome);
        Assert.Contains("ceasefire agreed in Moscow", result.Passages![0].Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(">", " A quote.")]
    [InlineData("[", "a link")]
    [InlineData("- ", "an item")]
    public void Markdown_nested_100000_deep_is_refused_in_one_line(string opener, string tail)
    {
        using var store = new TestStore();

        var result = store.Import("deep.md", Repeat(opener, 100_000) + tail + "\n\n" + Sentence);

        Assert.Equal(ImportOutcome.Failed, result.Outcome);
        Assert.Equal("deep.md: the Markdown is nested more than 127 levels deep (quotes, lists or brackets inside each other).", result.Message);
    }

    [Fact]
    public void Markdown_with_unclosed_link_parentheses_nested_in_one_word_is_refused()
    {
        using var store = new TestStore();

        // Each "[a](" opens a link destination that Markdig scans to the end of the word: quadratic without the check.
        var result = store.Import("links.md", Sentence + "\n\n" + Repeat("[a](", 200_000));

        Assert.Equal(ImportOutcome.Failed, result.Outcome);
        Assert.Equal("links.md: the Markdown has parentheses nested more than 32 deep in one word (a broken link?).", result.Message);
    }

    [Fact]
    public void Markdown_with_more_than_a_thousand_link_definitions_is_refused()
    {
        using var store = new TestStore();

        var result = store.Import("refs.md", Sentence + "\n\n" + string.Concat(Enumerable.Range(0, 2_000).Select(i => $"[r{i}]: https://example.org/{i}\n")));

        Assert.Equal(ImportOutcome.Failed, result.Outcome);
        Assert.Equal("refs.md: the Markdown has more than 1,000 link reference definitions ([label]: url).", result.Message);
    }

    [Fact]
    public void Markdown_emphasis_markers_are_dropped_and_words_with_underscores_kept()
    {
        using var store = new TestStore();

        var result = store.Import("emphasis.md", "The **Minsk Group** met in *Vienna* and ~~Paris~~ Geneva under the file_name rule, _twice_, and the talks ended without an agreement on the status of the region.\n");

        Assert.Equal(ImportOutcome.Imported, result.Outcome);
        Assert.Equal("The Minsk Group met in Vienna and Paris Geneva under the file_name rule, twice, and the talks ended without an agreement on the status of the region.", result.Passages![0].Text);
    }

    [Fact]
    public async Task The_import_verb_refuses_deeply_nested_markdown_in_one_line_with_exit_code_1()
    {
        using var folder = TempFolder.Create();
        var file = folder.Write("deep.md", Repeat(">", 100_000) + " x\n");

        var run = await CliRun.RunAsync("import", file, "--db", Path.Combine(folder.Path, "cli.db"));

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Equal(
            ["deep.md: the Markdown is nested more than 127 levels deep (quotes, lists or brackets inside each other).", "Nothing was imported; the store is unchanged."],
            run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    private static string Repeat(string unit, int count) => new StringBuilder(unit.Length * count).Insert(0, unit, count).ToString();
}

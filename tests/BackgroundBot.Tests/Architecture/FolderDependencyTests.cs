using Xunit.Abstractions;

namespace BackgroundBot.Tests.Architecture;

/// <summary>
/// The feature folders of <c>src/BackgroundBot</c> depend on each other one way only, so a feature can be read,
/// changed and given another store without pulling the others along (issue 13).
/// </summary>
public sealed class FolderDependencyTests(ITestOutputHelper output)
{
    private static readonly Lazy<FeatureDependencies> Graph = new(() => FeatureDependencies.Read(FeatureDependencies.SourceRoot));

    [Fact]
    public void No_two_feature_folders_depend_on_each_other()
    {
        var edges = Graph.Value.Edges;
        var cycles = edges.Keys
            .Where(e => string.CompareOrdinal(e.From, e.To) < 0 && edges.ContainsKey((e.To, e.From)))
            .Select(e => $"{e.From} <-> {e.To}: {e.From} -> {e.To} in {string.Join(", ", edges[e])}; {e.To} -> {e.From} in {string.Join(", ", edges[(e.To, e.From)])}")
            .ToList();

        Assert.True(cycles.Count == 0, "Two-way folder dependencies:\n" + string.Join('\n', cycles));
    }

    [Fact]
    public void Only_the_composition_root_knows_the_store_provider()
    {
        var users = Graph.Value.Edges.Keys.Where(e => e.To is "LiteDb" or "PostgreSql" && e.From != "Cli")
            .Select(e => $"{e.From} uses the {e.To} provider in {string.Join(", ", Graph.Value.Edges[e])}")
            .ToList();

        Assert.True(users.Count == 0, "Features must use their store interfaces:\n" + string.Join('\n', users));
    }

    [Fact]
    public void The_reading_sees_the_dependencies_that_are_there()
    {
        // Guards the test above against reading nothing: these one-way dependencies are the layout's backbone.
        var edges = Graph.Value.Edges;
        foreach (var group in edges.Keys.GroupBy(e => e.From).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"{group.Key} -> {string.Join(", ", group.Select(e => e.To).Order(StringComparer.Ordinal))}");
        }

        Assert.Contains(("Answering", "Retrieval"), edges.Keys);
        Assert.Contains(("Retrieval", "Llm"), edges.Keys);
        Assert.Contains(("Moderation", "Bot"), edges.Keys);
        Assert.Contains(("LiteDb", "Community"), edges.Keys);
        Assert.Contains(("PostgreSql", "Moderation"), edges.Keys);
        Assert.Contains(("Cli", "PostgreSql"), edges.Keys);
        Assert.Contains(("Knowledge", "Storage"), edges.Keys);
    }

    [Fact]
    public void A_two_way_dependency_is_found_through_names_usings_and_extension_methods()
    {
        using var folder = Infrastructure.TempFolder.Create();
        Write(folder, "Knowledge/Fact.cs", "namespace BackgroundBot.Knowledge; public sealed record Fact(int Id) { public Community.Vote? Last { get; init; } }");
        Write(folder, "Community/Vote.cs", "using BackgroundBot.Knowledge; namespace BackgroundBot.Community; public sealed record Vote(Fact Fact);");
        Write(folder, "Moderation/Gap.cs", "namespace BackgroundBot.Moderation; public static class GapWrites { public static int Gaps(this string s) => s.Length; }");
        Write(folder, "Retrieval/Index.cs", "namespace BackgroundBot.Retrieval; public static class Index { public static int Count(string s) => s.Gaps(); }");
        Write(folder, "Retrieval/Usings.cs", "global using BackgroundBot.Moderation;");

        var edges = FeatureDependencies.Read(folder.Path).Edges;

        Assert.Equal(["Knowledge/Fact.cs"], edges[("Knowledge", "Community")]);
        Assert.Equal(["Community/Vote.cs"], edges[("Community", "Knowledge")]);
        Assert.Equal(["Retrieval/Index.cs"], edges[("Retrieval", "Moderation")]);
        Assert.False(edges.ContainsKey(("Moderation", "Retrieval")));
    }

    private static void Write(Infrastructure.TempFolder folder, string path, string text)
    {
        var full = Path.Combine(folder.Path, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
    }
}

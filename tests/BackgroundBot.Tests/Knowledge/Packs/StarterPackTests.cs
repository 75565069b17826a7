using System.Text.Json;
using BackgroundBot.Knowledge;
using BackgroundBot.Knowledge.Packs;
using BackgroundBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace BackgroundBot.Tests.Knowledge.Packs;

/// <summary>The bundled starter pack: complete, sourced, not repetitive, and useful on the embedded default.</summary>
public sealed class StarterPackTests
{
    private static readonly FactPack Pack = LoadPack();

    [Fact]
    public void The_pack_loads_into_an_empty_store_with_no_problems()
    {
        using var store = new TestStore(seed: false);

        var result = store.Services.GetRequiredService<FactPackLoader>().LoadFile(FactPackLoader.BundledPath, "test");

        Assert.Empty(result.Problems);
        Assert.True(result.FactsAdded >= 80, $"Only {result.FactsAdded} facts.");
        Assert.Equal(result.FactsAdded, store.Store.CountActiveFacts());
        Assert.Equal(store.Store.ActivePassages().Count(), store.Retriever.Index.Count);
    }

    [Fact]
    public void Every_fact_has_a_date_a_topic_and_a_source_with_a_url()
    {
        var sources = Pack.Sources!.ToDictionary(s => s.Id!);

        Assert.All(Pack.Facts!, fact =>
        {
            Assert.True(FactDate.IsValid(fact.Date), $"{fact.Key}: date '{fact.Date}'");
            Assert.Contains(fact.Topic, Topics.All);
            var source = sources[fact.Source!];
            Assert.True(Uri.TryCreate(source.Url, UriKind.Absolute, out _), $"{fact.Key}: source URL '{source.Url}'");
            Assert.False(string.IsNullOrWhiteSpace(source.Title));
            Assert.False(string.IsNullOrWhiteSpace(fact.Evidence), $"{fact.Key} has no evidence excerpt for reviewers.");
        });
        Assert.All(Topics.All, topic => Assert.Contains(Pack.Facts!, f => f.Topic == topic));
    }

    [Fact]
    public void No_two_facts_are_near_duplicates()
    {
        var words = Pack.Facts!.Select(f => (f.Key, Words: Words(f.Statement!))).ToList();
        var duplicates = new List<string>();
        for (var i = 0; i < words.Count; i++)
        {
            for (var j = i + 1; j < words.Count; j++)
            {
                var shared = words[i].Words.Intersect(words[j].Words).Count();
                var jaccard = (double)shared / words[i].Words.Union(words[j].Words).Count();
                if (jaccard > 0.6)
                {
                    duplicates.Add($"{words[i].Key} ~ {words[j].Key} ({jaccard:P0})");
                }
            }
        }

        Assert.True(duplicates.Count == 0, string.Join('\n', duplicates));
    }

    [Fact]
    public void Every_place_with_two_names_in_use_has_its_alias()
    {
        var names = Pack.Aliases!.SelectMany(a => a.Names).ToHashSet(StringComparer.OrdinalIgnoreCase);

        Assert.All(
            new[] { "Stepanakert", "Khankendi", "Shushi", "Shusha", "Berdzor", "Lachin", "Artsakh", "Nagorno-Karabakh", "Karvachar", "Kalbajar", "NKR", "Minsk Group" },
            name => Assert.Contains(name, names));
        Assert.All(Pack.Aliases!.Where(a => a.ShowBoth), a => Assert.True(a.Names.Count >= 2));
    }

    [Fact]
    public void Loading_again_adds_nothing_and_keeps_a_moderators_retraction()
    {
        using var store = new TestStore(pack: true);
        var loader = store.Services.GetRequiredService<FactPackLoader>();
        var fact = store.Store.ListFacts().First();
        store.Store.Write(write =>
        {
            write.UpdateFact(fact with { Status = FactStatus.Retracted, RetractionReason = "test", Version = fact.Version + 1 });
            write.RetirePassage(fact.PassageId!.Value);
            return 0;
        });

        var again = loader.LoadFile(FactPackLoader.BundledPath, "test");

        Assert.Equal(0, again.FactsAdded);
        Assert.Equal(Pack.Facts!.Count, again.FactsKept);
        Assert.Equal(FactStatus.Retracted, store.Store.FindFact(fact.Id)!.Status);
        Assert.DoesNotContain(store.Store.ActivePassages(), p => p.FactId == fact.Id);
    }

    [Fact]
    public void A_pack_with_errors_reports_each_with_its_location_and_changes_nothing()
    {
        using var store = new TestStore();
        var broken = Pack with
        {
            Version = 2,
            Facts = [.. Pack.Facts!.Take(2).Select(f => f with { Topic = "weather" }), Pack.Facts![2] with { Source = "s999", Date = "2020-13" }],
        };
        var before = store.Store.ListFacts(includeRetracted: true).Count;

        var result = store.Services.GetRequiredService<FactPackLoader>().Load(broken, "test");

        Assert.Contains("version: this build reads version 1, found 2.", result.Problems);
        Assert.Contains(result.Problems, p => p.StartsWith("facts[0].topic: \"weather\" is not one of", StringComparison.Ordinal));
        Assert.Contains(result.Problems, p => p.StartsWith("facts[1].topic:", StringComparison.Ordinal));
        Assert.Contains("facts[2].source: \"s999\" is not a source id of this pack.", result.Problems);
        Assert.Contains("facts[2].date: \"2020-13\" is not YYYY, YYYY-MM or YYYY-MM-DD.", result.Problems);
        Assert.Equal(before, store.Store.ListFacts(includeRetracted: true).Count);
    }

    private static HashSet<string> Words(string text) =>
        text.ToLowerInvariant().Split([' ', ',', '.', ';', ':', '(', ')', '\''], StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length > 3).ToHashSet();

    private static FactPack LoadPack()
    {
        using var stream = File.OpenRead(FactPackLoader.BundledPath);
        return JsonSerializer.Deserialize<FactPack>(stream, AuditJson.Options)!;
    }
}

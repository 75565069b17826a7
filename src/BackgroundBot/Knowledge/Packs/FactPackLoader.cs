using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace BackgroundBot.Knowledge.Packs;

/// <summary>
/// Loads a fact pack: checks the whole file first and reports every problem with its location, then stores it in
/// one transaction or not at all. Loading again adds only facts whose key is new, so a moderator's edit or retraction
/// of a pack fact is never undone by a reload; alias groups that overlap existing ones are merged into them.
/// </summary>
public sealed class FactPackLoader(IKnowledgeStore store, TimeProvider time, ILogger<FactPackLoader> logger)
{
    public const int MaxStatementLength = 600;

    public static string BundledPath => Path.Combine(AppContext.BaseDirectory, "Data", "pack", "starter-pack.json");

    public FactPackLoadResult LoadFile(string path, string actor)
    {
        if (!File.Exists(path))
        {
            return Failed($"File not found: {path}");
        }

        FactPack? pack;
        try
        {
            using var stream = File.OpenRead(path);
            pack = JsonSerializer.Deserialize<FactPack>(stream, AuditJson.Options);
        }
        catch (JsonException ex)
        {
            return Failed(string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileName(path)}: not valid JSON at line {ex.LineNumber + 1}, position {ex.BytePositionInLine + 1}: {ex.Message}"));
        }

        return pack is null ? Failed($"{Path.GetFileName(path)} is empty.") : Load(pack, actor);
    }

    public FactPackLoadResult Load(FactPack pack, string actor)
    {
        ArgumentNullException.ThrowIfNull(pack);
        var problems = Validate(pack);
        if (problems.Count > 0)
        {
            return new FactPackLoadResult(problems, 0, 0, 0);
        }

        var sources = pack.Sources!.ToDictionary(s => s.Id!, StringComparer.Ordinal);
        var (added, kept, aliases) = store.Write(write =>
        {
            var now = time.GetUtcNow();
            var aliasesAdded = MergeAliases(write, pack.Aliases ?? [], actor, now);
            int factsAdded = 0, factsKept = 0;
            foreach (var item in pack.Facts!)
            {
                if (store.FindFactByKey(item.Key!) is { } kept)
                {
                    factsKept++;

                    // A pack may link accounts that an earlier pack version stored unlinked; only the link is added,
                    // so a moderator's edit of the fact survives.
                    if (item.Dispute is { } dispute && kept.Dispute is null && kept.Status == FactStatus.Active)
                    {
                        var linked = kept with { Dispute = dispute };
                        write.UpdateFact(linked);
                        write.Audit(now, actor, "fact.link", $"fact/{kept.Id}", kept, linked);
                    }

                    continue;
                }

                var source = sources[item.Source!];
                var fact = write.InsertFactWithPassage(new Fact
                {
                    Key = item.Key,
                    Statement = item.Statement!.Trim(),
                    Date = item.Date,
                    DateEnd = item.DateEnd,
                    Topic = item.Topic!,
                    Places = item.Places ?? [],
                    Parties = item.Parties ?? [],
                    ClaimedBy = item.ClaimedBy,
                    Dispute = item.Dispute,
                    Source = new FactSource { Title = source.Title!, Publisher = source.Publisher, Url = source.Url, Published = source.Published },
                });
                write.Audit(now, actor, "fact.add", $"fact/{fact.Id}", null, fact);
                factsAdded++;
            }

            return (factsAdded, factsKept, aliasesAdded);
        });

        Log.PackLoaded(logger, pack.Name ?? "(unnamed)", added, kept, aliases);
        return new FactPackLoadResult([], added, kept, aliases);
    }

    /// <summary>Every problem in the pack, each naming where it is (<c>facts[12].source</c>).</summary>
    public static IReadOnlyList<string> Validate(FactPack pack)
    {
        ArgumentNullException.ThrowIfNull(pack);
        var problems = new List<string>();
        if (pack.Format != FactPack.FormatName)
        {
            problems.Add($"format: expected \"{FactPack.FormatName}\", found \"{pack.Format}\".");
        }

        if (pack.Version != FactPack.CurrentVersion)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"version: this build reads version {FactPack.CurrentVersion}, found {pack.Version}."));
        }

        var sourceIds = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < (pack.Sources?.Count ?? 0); i++)
        {
            var source = pack.Sources![i];
            var at = string.Create(CultureInfo.InvariantCulture, $"sources[{i}]");
            if (string.IsNullOrWhiteSpace(source.Id) || !sourceIds.Add(source.Id))
            {
                problems.Add($"{at}.id: missing or repeated (\"{source.Id}\").");
            }

            if (string.IsNullOrWhiteSpace(source.Title))
            {
                problems.Add($"{at}.title: missing.");
            }

            if (!Uri.TryCreate(source.Url, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
            {
                problems.Add($"{at}.url: not an absolute http(s) URL (\"{source.Url}\").");
            }

            if (source.Published is not null && !FactDate.IsValid(source.Published))
            {
                problems.Add($"{at}.published: \"{source.Published}\" is not YYYY, YYYY-MM or YYYY-MM-DD.");
            }
        }

        for (var i = 0; i < (pack.Aliases?.Count ?? 0); i++)
        {
            if (pack.Aliases![i].Names is not { Count: >= 2 } names || names.Any(string.IsNullOrWhiteSpace))
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"aliases[{i}].names: needs at least two non-empty names."));
            }
        }

        if (pack.Facts is not { Count: > 0 })
        {
            problems.Add("facts: the pack has no facts.");
            return problems;
        }

        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < pack.Facts.Count; i++)
        {
            var fact = pack.Facts[i];
            var at = string.Create(CultureInfo.InvariantCulture, $"facts[{i}]");
            if (string.IsNullOrWhiteSpace(fact.Key) || !keys.Add(fact.Key))
            {
                problems.Add($"{at}.key: missing or repeated (\"{fact.Key}\").");
            }

            if (string.IsNullOrWhiteSpace(fact.Statement) || fact.Statement.Length > MaxStatementLength)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"{at}.statement: missing or longer than {MaxStatementLength} characters."));
            }

            if (!FactDate.IsValid(fact.Date))
            {
                problems.Add($"{at}.date: \"{fact.Date}\" is not YYYY, YYYY-MM or YYYY-MM-DD.");
            }

            if (fact.DateEnd is not null && !FactDate.IsValid(fact.DateEnd))
            {
                problems.Add($"{at}.dateEnd: \"{fact.DateEnd}\" is not YYYY, YYYY-MM or YYYY-MM-DD.");
            }

            if (!Topics.IsKnown(fact.Topic))
            {
                problems.Add($"{at}.topic: \"{fact.Topic}\" is not one of {string.Join(", ", Topics.All)}.");
            }

            if (fact.Source is null || !sourceIds.Contains(fact.Source))
            {
                problems.Add($"{at}.source: \"{fact.Source}\" is not a source id of this pack.");
            }
        }

        // A dispute is the sides' accounts of one event (with any independent finding, which has no claimedBy): one
        // account alone is not a dispute, and two accounts of the same side are not both sides.
        foreach (var dispute in pack.Facts.Where(f => f.Dispute is not null).GroupBy(f => f.Dispute!, StringComparer.Ordinal))
        {
            if (dispute.Where(f => !string.IsNullOrWhiteSpace(f.ClaimedBy)).Select(f => f.ClaimedBy!.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).Count() < 2)
            {
                problems.Add($"dispute \"{dispute.Key}\": needs the accounts of at least two sides (facts with different claimedBy); found {dispute.Count(f => f.ClaimedBy is not null)}.");
            }
        }

        return problems;
    }

    private int MergeAliases(IKnowledgeWrites write, IReadOnlyList<AliasGroup> groups, string actor, DateTimeOffset now)
    {
        var added = 0;
        foreach (var group in groups)
        {
            var existing = store.ListAliases().FirstOrDefault(a => a.Names.Any(n => group.Names.Contains(n, StringComparer.OrdinalIgnoreCase)));
            if (existing is null)
            {
                var stored = write.InsertAlias(group with { Id = 0 });
                write.Audit(now, actor, "alias.add", $"alias/{stored.Id}", null, stored);
                added++;
                continue;
            }

            var names = existing.Names.Concat(group.Names).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            if (names.Count > existing.Names.Count)
            {
                var merged = existing with { Names = names };
                write.UpdateAlias(merged);
                write.Audit(now, actor, "alias.edit", $"alias/{existing.Id}", existing, merged);
            }
        }

        return added;
    }

    private static FactPackLoadResult Failed(string problem) => new([problem], 0, 0, 0);
}

using System.Globalization;
using BackgroundBot.Knowledge;

namespace BackgroundBot.Moderation;

/// <summary>
/// Alias groups as moderators change them: add a group or names to one, set whether answers give both names and the
/// kind, remove a name. Each change is one transaction with its audit entry, and can be undone. Two groups are never
/// merged by accident: names that belong to two different groups are refused, naming both.
/// </summary>
public sealed class AliasCuration(IKnowledgeStore store, TimeProvider time)
{
    /// <param name="kind">The group's kind; null keeps an existing group's (a new one is a place).</param>
    /// <param name="showBoth">Whether answers give both names; null keeps an existing group's (a new one does not).</param>
    public CurationResult<AliasGroup> Add(IReadOnlyList<string> names, string actor, AliasKind? kind = null, bool? showBoth = null)
    {
        ArgumentNullException.ThrowIfNull(names);
        var clean = names.Select(n => n.Trim()).Where(n => n.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (clean.Count < 2)
        {
            return CurationResult<AliasGroup>.Refused("An alias needs at least two different names.");
        }

        return store.Write(write =>
        {
            var now = time.GetUtcNow();
            var groups = store.ListAliases().Where(a => a.Names.Any(n => clean.Contains(n, StringComparer.OrdinalIgnoreCase))).ToList();
            if (groups.Count > 1)
            {
                return CurationResult<AliasGroup>.Refused(
                    $"Those names belong to two groups: {string.Join(" and ", groups.Select(Describe))}. Merging them would make every name of one an alias of the other; "
                    + "add the names to one group, or remove a name from the other first (`aliases remove NAME`).");
            }

            if (groups.Count == 1)
            {
                var existing = groups[0];
                var merged = existing with
                {
                    Names = existing.Names.Concat(clean).Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
                    Kind = kind ?? existing.Kind,
                    ShowBoth = showBoth ?? existing.ShowBoth,
                };
                if (Same(merged, existing))
                {
                    return CurationResult<AliasGroup>.Unchanged($"Nothing changed: those names are already aliases of each other ({Describe(existing)}).");
                }

                write.UpdateAlias(merged);
                var edit = write.Audit(now, actor, "alias.edit", Subject(existing.Id), existing, merged);
                return CurationResult<AliasGroup>.Done($"Changed alias {existing.Id}: {Summary(merged)}.", merged, edit.Id);
            }

            var stored = write.InsertAlias(new AliasGroup { Names = clean, Kind = kind ?? AliasKind.Place, ShowBoth = showBoth ?? false });
            var audit = write.Audit(now, actor, "alias.add", Subject(stored.Id), null, stored);
            return CurationResult<AliasGroup>.Done($"Added alias {stored.Id}: {Summary(stored)}.", stored, audit.Id);
        });
    }

    /// <summary>Sets whether answers give both names, or the kind, of the group that holds <paramref name="name"/>.</summary>
    public CurationResult<AliasGroup> Edit(string name, string actor, AliasKind? kind = null, bool? showBoth = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        return store.Write(write =>
        {
            if (GroupOf(name) is not { } existing)
            {
                return CurationResult<AliasGroup>.NotFound($"No alias group holds the name '{name.Trim()}'; `aliases` lists them.");
            }

            var edited = existing with { Kind = kind ?? existing.Kind, ShowBoth = showBoth ?? existing.ShowBoth };
            if (Same(edited, existing))
            {
                return CurationResult<AliasGroup>.Unchanged($"Nothing changed: {Describe(existing)} is already {Summary(existing)}.");
            }

            write.UpdateAlias(edited);
            var audit = write.Audit(time.GetUtcNow(), actor, "alias.edit", Subject(existing.Id), existing, edited);
            return CurationResult<AliasGroup>.Done($"Changed alias {existing.Id}: {Summary(edited)}.", edited, audit.Id);
        });
    }

    /// <summary>Removes one name from its group; a group left with one name is removed whole.</summary>
    public CurationResult<AliasGroup> Remove(string name, string actor)
    {
        ArgumentNullException.ThrowIfNull(name);
        return store.Write(write =>
        {
            if (GroupOf(name) is not { } existing)
            {
                return CurationResult<AliasGroup>.NotFound($"No alias group holds the name '{name.Trim()}'; `aliases` lists them.");
            }

            var left = existing.Names.Where(n => !string.Equals(n, name.Trim(), StringComparison.OrdinalIgnoreCase)).ToList();
            var now = time.GetUtcNow();
            if (left.Count < 2)
            {
                write.DeleteAlias(existing.Id);
                var removed = write.Audit(now, actor, "alias.remove", Subject(existing.Id), existing, null);
                return CurationResult<AliasGroup>.Done($"Removed '{name.Trim()}' and with it alias {existing.Id}, which had no other pair of names.", existing, removed.Id);
            }

            var edited = existing with { Names = left };
            write.UpdateAlias(edited);
            var audit = write.Audit(now, actor, "alias.remove", Subject(existing.Id), existing, edited);
            return CurationResult<AliasGroup>.Done($"Removed '{name.Trim()}' from alias {existing.Id}: {Summary(edited)}.", edited, audit.Id);
        });
    }

    private AliasGroup? GroupOf(string name) =>
        store.ListAliases().FirstOrDefault(a => a.Names.Contains(name.Trim(), StringComparer.OrdinalIgnoreCase));

    private static bool Same(AliasGroup a, AliasGroup b) =>
        a.Kind == b.Kind && a.ShowBoth == b.ShowBoth && a.Names.SequenceEqual(b.Names, StringComparer.Ordinal);

    private static string Describe(AliasGroup group) => string.Create(CultureInfo.InvariantCulture, $"alias {group.Id} ({string.Join(" / ", group.Names)})");

    private static string Summary(AliasGroup group) =>
        $"{string.Join(" / ", group.Names)}, {group.Kind.ToString().ToLowerInvariant()}{(group.ShowBoth ? ", answers give both names" : "")}";

    private static string Subject(int id) => string.Create(CultureInfo.InvariantCulture, $"alias/{id}");
}

using System.Globalization;
using System.Text.Json;
using BackgroundBot.Knowledge;

namespace BackgroundBot.Transfer;

/// <summary>
/// <c>export</c> and <c>import-pack</c>: the whole store to one JSON file and back. An import checks the entire file
/// first and reports every problem with its location, then restores it in one transaction into an empty store, ids
/// and audit included, so exporting again gives the same file.
/// </summary>
public sealed class StoreTransfer(IStoreSnapshots store)
{
    public StoreSnapshot Export() => store.ReadSnapshot();

    /// <summary>The snapshot as export writes it; two stores with the same records give the same text, whatever their provider.</summary>
    public static string ToJson(StoreSnapshot snapshot) => JsonSerializer.Serialize(snapshot, SnapshotJson.Options) + "\n";

    public void ExportTo(string path)
    {
        var json = ToJson(Export());

        // Written beside the target and moved over it, so a failure never leaves half a file.
        Storage.OutputFile.Write(path, stream => stream.Write(System.Text.Encoding.UTF8.GetBytes(json)));
    }

    /// <summary>Every problem in the file, or none; nothing is written either way.</summary>
    public IReadOnlyList<string> Check(string path, out StoreSnapshot? snapshot)
    {
        snapshot = null;
        if (!File.Exists(path))
        {
            return [$"File not found: {path}"];
        }

        try
        {
            snapshot = JsonSerializer.Deserialize<StoreSnapshot>(File.ReadAllText(path), SnapshotJson.Options);
        }
        catch (JsonException ex)
        {
            return [string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileName(path)}: not valid JSON at line {ex.LineNumber + 1}, position {ex.BytePositionInLine + 1}: {ex.Message}")];
        }

        return snapshot is null ? [$"{Path.GetFileName(path)} is empty."] : Validate(snapshot);
    }

    public static IReadOnlyList<string> Validate(StoreSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var problems = new List<string>();
        if (snapshot.Format != StoreSnapshot.FormatName)
        {
            problems.Add($"format: expected \"{StoreSnapshot.FormatName}\", found \"{snapshot.Format}\".");
        }

        if (snapshot.Version is < StoreSnapshot.OldestVersion or > StoreSnapshot.CurrentVersion)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"version: this build reads versions {StoreSnapshot.OldestVersion} to {StoreSnapshot.CurrentVersion}, found {snapshot.Version}."));
        }

        if (snapshot.SchemaVersion > StoreSnapshot.RecordSchema)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"schemaVersion: {snapshot.SchemaVersion} is newer than this build ({StoreSnapshot.RecordSchema})."));
        }

        var articles = Ids("articles", snapshot.Articles, a => a.Id, problems);
        var facts = Ids("facts", snapshot.Facts, f => f.Id, problems);
        var passages = Ids("passages", snapshot.Passages, p => p.Id, problems);
        Ids("aliases", snapshot.Aliases, a => a.Id, problems);
        Ids("audit", snapshot.Audit, a => a.Id, problems);
        Ids("gaps", snapshot.Gaps, g => g.Id, problems);
        Ids("reviewQueue", snapshot.ReviewQueue, s => s.Id, problems);
        var answers = Ids("answers", snapshot.Answers, a => a.Id, problems);
        Keys("serverSettings", snapshot.ServerSettings, s => s.Id, problems);
        Keys("pendingImports", snapshot.PendingImports, p => p.Id, problems);
        var sessions = Ids("sessions", snapshot.Sessions, x => x.Id, problems);
        Ids("sessionQuestions", snapshot.SessionQuestions, q => q.Id, problems);
        for (var i = 0; i < (snapshot.SessionQuestions?.Count ?? 0); i++)
        {
            if (!sessions.Contains(snapshot.SessionQuestions![i].SessionId))
            {
                problems.Add(At("sessionQuestions", i, string.Create(CultureInfo.InvariantCulture, $"belongs to session {snapshot.SessionQuestions[i].SessionId}, which is not in the file.")));
            }
        }

        var quizzes = Ids("quizzes", snapshot.Quizzes, q => q.Id, problems);
        Keys("quizAnswers", snapshot.QuizAnswers, a => a.Id, problems);
        Keys("faqCurations", snapshot.FaqCurations, c => c.Id, problems);

        for (var i = 0; i < (snapshot.Articles?.Count ?? 0); i++)
        {
            var article = snapshot.Articles![i];
            if (string.IsNullOrWhiteSpace(article.Title) || article.Text is null || string.IsNullOrEmpty(article.ContentHash))
            {
                problems.Add(At("articles", i, "title, text and contentHash are required."));
            }
        }

        for (var i = 0; i < (snapshot.Passages?.Count ?? 0); i++)
        {
            var passage = snapshot.Passages![i];
            if (passage.FactId is { } factId ? !facts.Contains(factId) : !articles.Contains(passage.ArticleId))
            {
                problems.Add(At("passages", i, string.Create(CultureInfo.InvariantCulture, $"belongs to {(passage.FactId is null ? $"article {passage.ArticleId}" : $"fact {passage.FactId}")}, which is not in the file.")));
            }

            if (string.IsNullOrEmpty(passage.Text))
            {
                problems.Add(At("passages", i, "text is required."));
            }
        }

        for (var i = 0; i < (snapshot.Facts?.Count ?? 0); i++)
        {
            var fact = snapshot.Facts![i];
            if (string.IsNullOrWhiteSpace(fact.Statement) || (fact.Date is not null && !FactDate.IsValid(fact.Date)))
            {
                problems.Add(At("facts", i, "needs a statement and a YYYY[-MM[-DD]] date."));
            }

            if (!Topics.IsKnown(fact.Topic))
            {
                problems.Add(At("facts", i, Topics.Unknown(fact.Topic)));
            }

            var cites = fact.PassageId is { } own ? fact.Citations.Append(own) : fact.Citations;
            foreach (var cited in cites.Where(c => !passages.Contains(c)))
            {
                problems.Add(At("facts", i, string.Create(CultureInfo.InvariantCulture, $"cites passage {cited}, which is not in the file.")));
            }
        }

        for (var i = 0; i < (snapshot.Aliases?.Count ?? 0); i++)
        {
            if (snapshot.Aliases![i].Names is not { Count: >= 2 })
            {
                problems.Add(At("aliases", i, "needs at least two names."));
            }
        }

        for (var i = 0; i < (snapshot.Audit?.Count ?? 0); i++)
        {
            var entry = snapshot.Audit![i];
            if (string.IsNullOrWhiteSpace(entry.Actor) || string.IsNullOrWhiteSpace(entry.Action) || string.IsNullOrWhiteSpace(entry.Subject))
            {
                problems.Add(At("audit", i, "actor, action and subject are required."));
            }
        }

        for (var i = 0; i < (snapshot.Gaps?.Count ?? 0); i++)
        {
            if (string.IsNullOrWhiteSpace(snapshot.Gaps![i].Question) || snapshot.Gaps[i].Terms is null)
            {
                problems.Add(At("gaps", i, "question and terms are required."));
            }
        }

        for (var i = 0; i < (snapshot.ReviewQueue?.Count ?? 0); i++)
        {
            var item = snapshot.ReviewQueue![i];
            if (string.IsNullOrWhiteSpace(item.Text) || string.IsNullOrWhiteSpace(item.ProposerId))
            {
                problems.Add(At("reviewQueue", i, "text and proposerId are required."));
            }

            if (item.FactId is { } about && !facts.Contains(about))
            {
                problems.Add(At("reviewQueue", i, string.Create(CultureInfo.InvariantCulture, $"is about fact {about}, which is not in the file.")));
            }
        }

        var votes = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < (snapshot.Feedback?.Count ?? 0); i++)
        {
            var vote = snapshot.Feedback![i];
            if (string.IsNullOrWhiteSpace(vote.Id) || !votes.Add(vote.Id))
            {
                problems.Add(At("feedback", i, $"id \"{vote.Id}\" is missing or repeated."));
            }

            if (!answers.Contains(vote.AnswerId))
            {
                problems.Add(At("feedback", i, string.Create(CultureInfo.InvariantCulture, $"is a vote on answer {vote.AnswerId}, which is not in the file.")));
            }
        }

        for (var i = 0; i < (snapshot.Quizzes?.Count ?? 0); i++)
        {
            var quiz = snapshot.Quizzes![i];
            if (quiz.Questions is null || quiz.Questions.Any(q => q.Options is not { Count: > 0 } || q.Answer < 0 || q.Answer >= q.Options.Count))
            {
                problems.Add(At("quizzes", i, "every question needs options and an answer among them."));
            }
        }

        for (var i = 0; i < (snapshot.QuizAnswers?.Count ?? 0); i++)
        {
            var answer = snapshot.QuizAnswers![i];
            if (!quizzes.Contains(answer.QuizId))
            {
                problems.Add(At("quizAnswers", i, string.Create(CultureInfo.InvariantCulture, $"is an answer in quiz {answer.QuizId}, which is not in the file.")));
            }
        }

        return problems;
    }

    /// <summary>Restores a checked snapshot into this (empty) store in one transaction; what the store then holds must export as the snapshot.</summary>
    public string? Import(StoreSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (!store.IsEmpty())
        {
            return $"The store at {store.Path} is not empty; import-pack restores into a new store (give --db a new file, or an empty database).";
        }

        store.Restore(snapshot, _ => { });
        return null;
    }

    /// <summary>
    /// The snapshot as the current format holds it: a file of an older version has no settings, pending imports, quizzes and so on,
    /// which a store reads back as empty lists; comparing exports compares these.
    /// </summary>
    public static StoreSnapshot Normalized(StoreSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return snapshot with
        {
            Format = StoreSnapshot.FormatName,
            Version = StoreSnapshot.CurrentVersion,
            SchemaVersion = StoreSnapshot.RecordSchema,
            Articles = snapshot.Articles ?? [],
            Passages = snapshot.Passages ?? [],
            Facts = snapshot.Facts ?? [],
            Aliases = snapshot.Aliases ?? [],
            Audit = snapshot.Audit ?? [],
            Gaps = snapshot.Gaps ?? [],
            ReviewQueue = snapshot.ReviewQueue ?? [],
            Answers = snapshot.Answers ?? [],
            Feedback = snapshot.Feedback ?? [],
            ServerSettings = snapshot.ServerSettings ?? [],
            PendingImports = snapshot.PendingImports ?? [],
            Quizzes = snapshot.Quizzes ?? [],
            QuizAnswers = snapshot.QuizAnswers ?? [],
            FaqCurations = snapshot.FaqCurations ?? [],
        };
    }

    private static void Keys<T>(string collection, IReadOnlyList<T>? items, Func<T, string> key, List<string> problems)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < (items?.Count ?? 0); i++)
        {
            if (string.IsNullOrWhiteSpace(key(items![i])) || !seen.Add(key(items[i])))
            {
                problems.Add(At(collection, i, $"id \"{key(items[i])}\" is missing or repeated."));
            }
        }
    }

    private static HashSet<int> Ids<T>(string collection, IReadOnlyList<T>? items, Func<T, int> id, List<string> problems)
    {
        var seen = new HashSet<int>();
        for (var i = 0; i < (items?.Count ?? 0); i++)
        {
            if (id(items![i]) <= 0 || !seen.Add(id(items[i])))
            {
                problems.Add(At(collection, i, string.Create(CultureInfo.InvariantCulture, $"id {id(items[i])} is missing, not positive, or repeated.")));
            }
        }

        return seen;
    }

    private static string At(string collection, int index, string problem) =>
        string.Create(CultureInfo.InvariantCulture, $"{collection}[{index}]: {problem}");
}

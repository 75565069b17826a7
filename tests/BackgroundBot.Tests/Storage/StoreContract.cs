using BackgroundBot.Community;
using BackgroundBot.Knowledge;
using BackgroundBot.Moderation;
using BackgroundBot.Quizzes;
using BackgroundBot.Sessions;

namespace BackgroundBot.Tests.Storage;

/// <summary>
/// What every store provider must do, written against the feature interfaces only: each provider's test class
/// derives from this and says how to open its store. The LiteDB provider runs it today.
/// </summary>
public abstract class StoreContract : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
    private StoreUnderTest? _store;

    private StoreUnderTest Store => _store ??= Open();

    /// <summary>Opens the provider's store: a new, empty one on first call, the same one again after <see cref="Reopen"/>.</summary>
    protected abstract StoreUnderTest Open();

    public void Dispose()
    {
        _store?.Dispose();
        Cleanup();
        GC.SuppressFinalize(this);
    }

    /// <summary>Removes what <see cref="Open"/> created.</summary>
    protected abstract void Cleanup();

    [Fact]
    public void A_fact_round_trips_with_a_passage_holding_its_statement()
    {
        var stored = Store.Knowledge.Write(write => write.InsertFactWithPassage(NewFact("The ceasefire took effect on 10 November 2020.")));

        var read = Store.Knowledge.FindFact(stored.Id);
        Assert.NotNull(read);
        Assert.Equal("The ceasefire took effect on 10 November 2020.", read.Statement);
        Assert.Equal(["Armenia", "Azerbaijan"], read.Parties);
        var passage = Store.Knowledge.FindPassage(read.PassageId!.Value);
        Assert.Equal(read.Statement, passage!.Text);
        Assert.Equal(stored.Id, passage.FactId);
        Assert.Contains(Store.Knowledge.ActivePassages(), p => p.Id == passage.Id);
        Assert.Equal(stored.Id, Store.Knowledge.FindFactByKey(stored.Key!)!.Id);
    }

    [Fact]
    public void An_article_round_trips_with_its_passages_in_order_and_names_its_source()
    {
        var article = Store.Knowledge.Write(write =>
        {
            var a = write.InsertArticle(new Article
            {
                Title = "Lachin corridor", Url = "https://example.org/lachin", Publisher = "Example", Published = new DateOnly(2023, 9, 1),
                ImportedBy = "test", ContentHash = "hash-1", Text = "First. Second.",
            });
            write.InsertPassage(new Passage { ArticleId = a.Id, Ordinal = 1, Text = "Second." });
            write.InsertPassage(new Passage { ArticleId = a.Id, Ordinal = 0, Text = "First." });
            return a;
        });

        Assert.Equal("Lachin corridor", Store.Knowledge.FindArticle(article.Id)!.Title);
        Assert.Equal(article.Id, Store.Knowledge.FindArticleByHash("hash-1")!.Id);
        Assert.Equal(article.Id, Store.Knowledge.FindActiveArticleByUrl("https://example.org/lachin")!.Id);
        var passages = Store.Knowledge.PassagesOf(article.Id);
        Assert.Equal(["First.", "Second."], passages.Select(p => p.Text));
        var source = Store.Knowledge.DescribeSource(passages[0]);
        Assert.Equal(("Lachin corridor", "2023-09-01"), (source.Title, source.Published));
    }

    [Fact]
    public void A_retracted_fact_is_never_cited_again()
    {
        var fact = Store.Knowledge.Write(write => write.InsertFactWithPassage(NewFact("Peacekeepers left in 2024.")));
        var seen = new List<StoreChange>();
        using var subscription = Store.Changes.Subscribe(seen.Add);

        Store.Knowledge.Write(write => write.UpdateFactWithPassage(fact with { Status = FactStatus.Retracted, RetractionReason = "wrong date" }));

        Assert.DoesNotContain(Store.Knowledge.ActivePassages(), p => p.FactId == fact.Id);
        Assert.DoesNotContain(fact.PassageId!.Value, Store.Knowledge.ActivePassageIds());
        Assert.DoesNotContain(Store.Knowledge.ListFacts(), f => f.Id == fact.Id);
        Assert.Contains(Store.Knowledge.ListFacts(includeRetracted: true), f => f.Id == fact.Id && f.Status == FactStatus.Retracted);
        var change = Assert.Single(seen);
        Assert.Equal([fact.PassageId!.Value], change.PassagesRetired);
        Assert.Empty(change.PassagesAdded);
    }

    [Fact]
    public void Audit_entries_are_kept_with_their_subject_before_and_after()
    {
        var (first, undo) = Store.Knowledge.Write(write =>
        {
            var added = write.Audit(Now, "mod:1", "fact.add", "fact/7", null, new { Statement = "x" });
            write.Audit(Now, "mod:2", "alias.add", "alias/1", null, new { Names = new[] { "a" } });
            var undone = write.Audit(Now.AddMinutes(1), "mod:1", "fact.undo", "fact/7", new { Statement = "x" }, null, undoes: added.Id);
            return (added, undone);
        });

        Assert.Equal([first.Id, undo.Id], Store.Knowledge.AuditOf("fact/7").Select(a => a.Id));
        Assert.Equal("mod:1", Store.Knowledge.FindAudit(first.Id)!.Actor);
        Assert.Contains("\"x\"", Store.Knowledge.FindAudit(first.Id)!.After, StringComparison.Ordinal);
        Assert.Equal([undo.Id], Store.Knowledge.UndosOf(first.Id).Select(a => a.Id));
        Assert.Equal(undo.Id, Store.Knowledge.RecentAudit(1).Single().Id);
        Assert.Equal(3, Store.Knowledge.AllAudit().Count);
    }

    [Fact]
    public void Each_change_gets_the_next_sequence_number_and_is_seen_after_it_commits()
    {
        var before = Store.Changes.Sequence;
        var seen = new List<(long Sequence, bool Committed)>();
        using var subscription = Store.Changes.Subscribe(change =>
            seen.Add((change.Sequence, change.PassagesAdded.All(p => Store.Knowledge.FindPassage(p.Id) is { Retired: false }) && Store.Changes.Sequence == change.Sequence)));

        Store.Knowledge.Write(write => write.InsertFactWithPassage(NewFact("One.")));
        Store.Knowledge.Write(write => write.InsertFactWithPassage(NewFact("Two.")));

        // A write that changes no knowledge (a vote) is not a change the index follows.
        Store.Community.Write(write => write.InsertAnswer(new AnswerRecord { Question = "q", Text = "a" }));

        Assert.Equal([(before + 1, true), (before + 2, true)], seen);
        Assert.Equal(before + 2, Store.Changes.Sequence);
    }

    [Fact]
    public void The_sequence_number_is_kept_in_the_store()
    {
        Store.Knowledge.Write(write => write.InsertFactWithPassage(NewFact("Kept.")));
        var sequence = Store.Changes.Sequence;
        Assert.True(sequence > 0);

        _store!.Dispose();
        _store = Open();

        Assert.Equal(sequence, Store.Changes.Sequence);
        var seen = new List<long>();
        using var subscription = Store.Changes.Subscribe(c => seen.Add(c.Sequence));
        Store.Knowledge.Write(write => write.InsertFactWithPassage(NewFact("After reopening.")));
        Assert.Equal([sequence + 1], seen);
    }

    [Fact]
    public void An_observer_that_fails_loses_no_write_and_the_others_still_see_the_change()
    {
        var seen = new List<StoreChange>();
        using var failing = Store.Changes.Subscribe(_ => throw new InvalidOperationException("observer broke"));
        using var working = Store.Changes.Subscribe(seen.Add);

        var fact = Store.Knowledge.Write(write => write.InsertFactWithPassage(NewFact("Still stored.")));

        Assert.Equal("Still stored.", Store.Knowledge.FindFact(fact.Id)!.Statement);
        Assert.Single(seen);
    }

    [Fact]
    public void A_change_touching_two_features_fails_as_a_whole()
    {
        var before = Store.Changes.Sequence;
        var seen = new List<StoreChange>();
        using var subscription = Store.Changes.Subscribe(seen.Add);

        Assert.Throws<InvalidOperationException>(() => Store.UnitOfWork.Write<int>(transaction =>
        {
            var fact = transaction.Knowledge().InsertFactWithPassage(NewFact("Approved from a suggestion."));
            transaction.Moderation().PutSuggestion(NewSuggestion() with { Status = SuggestionStatus.Approved, ResultFactId = fact.Id });
            throw new InvalidOperationException("the approval failed half way");
        }));

        Assert.Empty(Store.Knowledge.ListFacts(includeRetracted: true));
        Assert.Empty(Store.Moderation.ListSuggestions());
        Assert.Empty(seen);
        Assert.Equal(before, Store.Changes.Sequence);

        var approved = Store.UnitOfWork.Write(transaction =>
        {
            var fact = transaction.Knowledge().InsertFactWithPassage(NewFact("Approved from a suggestion."));
            return transaction.Moderation().PutSuggestion(NewSuggestion() with { Status = SuggestionStatus.Approved, ResultFactId = fact.Id });
        });

        Assert.Equal(approved.ResultFactId, Assert.Single(Store.Knowledge.ListFacts()).Id);
        Assert.Equal(SuggestionStatus.Approved, Store.Moderation.FindSuggestion(approved.Id)!.Status);
        Assert.Single(seen);
    }

    [Fact]
    public void Answer_records_and_one_vote_per_member_round_trip()
    {
        var answer = Store.Community.Write(write => write.InsertAnswer(new AnswerRecord
        {
            Question = "Who monitors the corridor?", Text = "Peacekeepers [1].", Grounded = true, PassageIds = [3, 5], AskerId = "42", CreatedAt = Now,
        }));
        Store.Community.Write(write =>
        {
            write.UpdateAnswer(answer with { ThreadId = "900" });
            write.PutFeedback(new AnswerFeedback { Id = $"{answer.Id}:7", AnswerId = answer.Id, UserId = "7", Helpful = true, At = Now });
            write.PutFeedback(new AnswerFeedback { Id = $"{answer.Id}:8", AnswerId = answer.Id, UserId = "8", Helpful = true, At = Now });
            return 0;
        });

        // Voting again changes the member's vote rather than adding one.
        Store.Community.Write(write =>
        {
            write.PutFeedback(new AnswerFeedback { Id = $"{answer.Id}:7", AnswerId = answer.Id, UserId = "7", Helpful = false, At = Now });
            return 0;
        });

        Assert.Equal([3, 5], Store.Community.FindAnswer(answer.Id)!.PassageIds);
        Assert.Equal(answer.Id, Store.Community.FindAnswerByThread("900")!.Id);
        Assert.Null(Store.Community.FindAnswerByThread("901"));
        var votes = Store.Community.FeedbackFor(answer.Id).OrderBy(v => v.UserId, StringComparer.Ordinal).ToList();
        Assert.Equal([("7", false), ("8", true)], votes.Select(v => (v.UserId, v.Helpful)));
    }

    [Fact]
    public void Gaps_are_stored_updated_and_listed_most_asked_first()
    {
        var rare = Store.Moderation.Write(write => write.PutGap(new Gap { Terms = ["weather", "baku"], Question = "Weather in Baku?", Count = 1, FirstAsked = Now, LastAsked = Now }));
        var common = Store.Moderation.Write(write => write.PutGap(new Gap { Terms = ["border", "tavush"], Question = "Who guards Tavush?", Count = 1, FirstAsked = Now, LastAsked = Now, AskerIds = ["1"] }));
        Store.Moderation.Write(write => write.PutGap(common with { Count = 3, AskerIds = ["1", "2"], LastAsked = Now.AddHours(1) }));

        Assert.Equal([common.Id, rare.Id], Store.Moderation.ListGaps().Select(g => g.Id));
        var read = Store.Moderation.FindGap(common.Id)!;
        Assert.Equal((3, Now.AddHours(1)), (read.Count, read.LastAsked));
        Assert.Equal(["1", "2"], read.AskerIds);
    }

    [Fact]
    public void Server_settings_are_kept_per_server_and_removed_when_nothing_is_set()
    {
        const ulong Role = 1_234_567_890_123_456_789;
        Store.Moderation.Write(write =>
        {
            write.PutGuildSettings(new GuildSettings { Id = "500", ReviewChannelId = 1_111_111_111_111_111_111, ModeratorRoleIds = [Role], AllowedChannelIds = [] });
            write.PutGuildSettings(new GuildSettings { Id = "501", EducatorRoleIds = [Role] });
            return 0;
        });

        var home = Store.Moderation.FindGuildSettings("500")!;
        Assert.Equal(1_111_111_111_111_111_111UL, home.ReviewChannelId);
        Assert.Equal([Role], home.ModeratorRoleIds);
        Assert.Empty(home.AllowedChannelIds!);
        Assert.Null(home.EducatorRoleIds);
        Assert.Equal([Role], Store.Moderation.FindGuildSettings("501")!.EducatorRoleIds);

        Store.Moderation.Write(write =>
        {
            write.PutGuildSettings(new GuildSettings { Id = "501" });
            return 0;
        });
        Assert.Null(Store.Moderation.FindGuildSettings("501"));
        Assert.Null(Store.Moderation.FindGuildSettings("502"));
    }

    [Fact]
    public void Review_items_are_queued_and_listed_by_status()
    {
        var pending = Store.Moderation.Write(write => write.PutSuggestion(NewSuggestion()));
        var rejected = Store.Moderation.Write(write => write.PutSuggestion(NewSuggestion() with { Kind = SuggestionKind.Report, Text = "Answer 3 is wrong." }));
        Store.Moderation.Write(write => write.PutSuggestion(rejected with { Status = SuggestionStatus.Rejected, Reviewer = "mod:1", ReviewNote = "It is right." }));

        Assert.Equal([pending.Id], Store.Moderation.ListSuggestions(SuggestionStatus.Pending).Select(s => s.Id));
        Assert.Equal([pending.Id, rejected.Id], Store.Moderation.ListSuggestions().Select(s => s.Id));
        var read = Store.Moderation.FindSuggestion(rejected.Id)!;
        Assert.Equal((SuggestionKind.Report, SuggestionStatus.Rejected, "It is right."), (read.Kind, read.Status, read.ReviewNote));
    }

    [Fact]
    public void A_pending_import_is_taken_once_and_expired_ones_are_purged()
    {
        Store.Moderation.Write(write =>
        {
            write.PutPendingImport(NewPendingImport("old", Now.AddHours(-2)));
            write.PutPendingImport(NewPendingImport("fresh", Now));
            write.PutPendingImport(NewPendingImport("taken", Now));
            return 0;
        });

        var taken = Store.Moderation.Write(write => write.TakePendingImport("taken"));
        var again = Store.Moderation.Write(write => write.TakePendingImport("taken"));
        var purged = Store.Moderation.Write(write => write.PurgePendingImports(Now.AddHours(-1)));

        Assert.Equal("hello"u8.ToArray(), taken!.Content);
        Assert.Null(again);
        Assert.Equal(1, purged);
        Assert.Equal(["fresh"], Store.Moderation.PendingImportIds());
    }

    [Fact]
    public void An_observer_may_write_when_it_sees_a_change()
    {
        // The semantic index does this: it stores the vectors of the passages a change added.
        using var subscription = Store.Changes.Subscribe(change => Store.Knowledge.Write(write =>
        {
            write.PutEmbeddings(change.PassagesAdded.Select(p => new PassageEmbedding { Id = p.Id, Model = "test-model", Vector = [0.25f, -1.5f, 3f] }));
            return 0;
        }));

        var fact = Store.Knowledge.Write(write => write.InsertFactWithPassage(NewFact("Embedded as it is committed.")));

        var stored = Assert.Single(Store.Knowledge.EmbeddingsFor("test-model"));
        Assert.Equal(fact.PassageId!.Value, stored.Id);
        Assert.Equal([0.25f, -1.5f, 3f], stored.Vector);
    }

    [Fact]
    public void Embeddings_are_kept_per_model_read_in_batches_and_cleared()
    {
        var facts = Store.Knowledge.Write(write => Enumerable.Range(1, 3).Select(i => write.InsertFactWithPassage(NewFact($"Fact {i}."))).ToList());
        Store.Knowledge.Write(write =>
        {
            write.PutEmbeddings(facts.Take(2).Select(f => new PassageEmbedding { Id = f.PassageId!.Value, Model = "a", Vector = [1f, 2f] }));
            write.PutEmbeddings([new PassageEmbedding { Id = facts[2].PassageId!.Value, Model = "b", Vector = [3f] }]);
            return 0;
        });
        Store.Knowledge.Write(write => write.UpdateFactWithPassage(facts[0] with { Status = FactStatus.Retracted }));

        Assert.Equal([facts[1].PassageId!.Value], Store.Knowledge.EmbeddingsFor("a").Select(e => e.Id));
        Assert.Equal(new Dictionary<string, int> { ["a"] = 2, ["b"] = 1 }, Store.Knowledge.EmbeddingModels());
        Assert.Equal(facts.Select(f => f.PassageId!.Value), Store.Knowledge.EmbeddingBatches().SelectMany(b => b).Select(e => e.Id));
        Assert.Equal(3, Store.Knowledge.Write(write => write.ClearEmbeddings()));
        Assert.Empty(Store.Knowledge.EmbeddingModels());
    }

    [Fact]
    public void A_session_round_trips_and_a_channel_has_at_most_one_active_session()
    {
        var first = Store.Sessions.Write(write => write.TryStartSession(NewSession("600") with { CohostIds = ["701"], Anonymous = true }));
        var second = Store.Sessions.Write(write => write.TryStartSession(NewSession("600")));
        var elsewhere = Store.Sessions.Write(write => write.TryStartSession(NewSession("601") with { EndsAt = Now.AddMinutes(10) }));

        Assert.NotNull(first);
        Assert.Null(second);
        Assert.NotNull(elsewhere);
        var read = Store.Sessions.FindSession(first.Id)!;
        Assert.Equal(("600", "Ceasefires", "700", true, SessionStatus.Active), (read.ChannelId, read.Topic, read.EducatorId, read.Anonymous, read.Status));
        Assert.Equal(["701"], read.CohostIds);
        Assert.Equal(Now.AddHours(1), read.EndsAt);
        Assert.Equal(first.Id, Store.Sessions.ActiveSessionIn("600")!.Id);
        Assert.Equal([elsewhere.Id, first.Id], Store.Sessions.ActiveSessions().Select(s => s.Id));

        Store.Sessions.Write(write =>
        {
            write.UpdateSession(read with { Status = SessionStatus.Ended, EndedAt = Now.AddMinutes(30), Transcript = "# Ceasefires" });
            return 0;
        });
        var again = Store.Sessions.Write(write => write.TryStartSession(NewSession("600")));

        Assert.NotNull(again);
        Assert.Equal("# Ceasefires", Store.Sessions.FindSession(first.Id)!.Transcript);
        Assert.Equal([again.Id, first.Id], Store.Sessions.ListSessions("600").Select(s => s.Id));
        Assert.Equal([again.Id, elsewhere.Id, first.Id], Store.Sessions.ListSessions().Select(s => s.Id));
        Assert.Equal(again.Id, Store.Sessions.ActiveSessionIn("600")!.Id);
    }

    [Fact]
    public void A_sessions_questions_keep_their_voters_answers_and_order()
    {
        var session = Store.Sessions.Write(write => write.TryStartSession(NewSession("600")))!;
        var other = Store.Sessions.Write(write => write.TryStartSession(NewSession("601")))!;
        var (first, second) = Store.Sessions.Write(write => (
            write.PutQuestion(new SessionQuestion { SessionId = session.Id, Text = "When was the ceasefire?", AskerId = "710", AskerName = "Bea", AskedAt = Now, Anonymous = true }),
            write.PutQuestion(new SessionQuestion { SessionId = session.Id, Text = "Who mediated?", AskerId = "711", AskedAt = Now, Status = QuestionStatus.Pending })));
        Store.Sessions.Write(write => write.PutQuestion(new SessionQuestion { SessionId = other.Id, Text = "Elsewhere", AskerId = "712", AskedAt = Now }));

        Store.Sessions.Write(write => write.PutQuestion(first with
        {
            VoterIds = ["711", "712"], Status = QuestionStatus.Answered, AnswerOrder = 1, AnswerText = "On 12 May 1994 [1].",
            PassageIds = [42, 7], AnsweredBy = "700", AnsweredAt = Now.AddMinutes(5), MessageId = "9001", AnswerId = 3,
        }));

        var read = Store.Sessions.FindQuestion(first.Id)!;
        Assert.Equal(["711", "712"], read.VoterIds);
        Assert.Equal(2, read.Votes);
        Assert.Equal((QuestionStatus.Answered, 1, "On 12 May 1994 [1].", "9001", 3), (read.Status, read.AnswerOrder, read.AnswerText, read.MessageId, read.AnswerId));
        Assert.Equal([42, 7], read.PassageIds);
        Assert.True(read.Anonymous);
        Assert.Equal("710", read.AskerId);
        Assert.Equal([first.Id, second.Id], Store.Sessions.QuestionsOf(session.Id).Select(q => q.Id));
        Assert.Equal(QuestionStatus.Pending, Store.Sessions.QuestionsOf(session.Id)[1].Status);
    }

    private static Session NewSession(string channel) => new()
    {
        GuildId = "500", ChannelId = channel, Topic = "Ceasefires", EducatorId = "700", EducatorName = "Ada", StartedAt = Now, EndsAt = Now.AddHours(1),
    };

    [Fact]
    public void A_quiz_round_trips_with_its_questions_and_snowflake_ids_and_is_found_running_in_its_channel()
    {
        var quiz = Store.Quizzes.Write(write => write.InsertQuiz(NewQuiz(channel: 1_234_567_890_123_456_789UL)));
        Store.Quizzes.Write(write => write.InsertQuiz(NewQuiz(channel: 42)));

        var read = Store.Quizzes.FindQuiz(quiz.Id)!;

        Assert.Equal(1_234_567_890_123_456_789UL, read.ChannelId);
        Assert.Equal(ulong.MaxValue - 1, read.StartedBy);
        var question = Assert.Single(read.Questions);
        Assert.Equal(["1993", "1994", "1995", "1996"], question.Options);
        Assert.Equal(("1994", QuizKind.Date, 7), (question.RightOption, question.Kind, question.FactId));
        Assert.Equal(quiz.Id, Store.Quizzes.RunningIn(1_234_567_890_123_456_789UL)!.Id);
        Assert.Equal(2, Store.Quizzes.Running().Count);
    }

    [Fact]
    public void A_members_first_answer_counts_and_a_second_to_the_same_question_is_refused()
    {
        var quiz = Store.Quizzes.Write(write => write.InsertQuiz(NewQuiz(channel: 600)));

        var first = Store.Quizzes.Write(write => write.TryAddAnswer(NewAnswer(quiz.Id, user: 700, option: 1, at: Now)));
        var second = Store.Quizzes.Write(write => write.TryAddAnswer(NewAnswer(quiz.Id, user: 700, option: 2, at: Now.AddSeconds(1))));
        var other = Store.Quizzes.Write(write => write.TryAddAnswer(NewAnswer(quiz.Id, user: 701, option: 2, at: Now.AddSeconds(2))));

        Assert.True(first);
        Assert.False(second);
        Assert.True(other);
        var answers = Store.Quizzes.AnswersOf(quiz.Id);
        Assert.Equal([(700UL, 1), (701UL, 2)], answers.Select(a => (a.UserId, a.Option)));
    }

    [Fact]
    public void A_channels_finished_quizzes_are_listed_oldest_first_since_a_time()
    {
        var old = Store.Quizzes.Write(write => write.InsertQuiz(NewQuiz(channel: 600) with { StartedAt = Now.AddDays(-2) }));
        var a = Store.Quizzes.Write(write => write.InsertQuiz(NewQuiz(channel: 600)));
        var b = Store.Quizzes.Write(write => write.InsertQuiz(NewQuiz(channel: 600) with { StartedAt = Now.AddMinutes(5) }));
        Store.Quizzes.Write(write => write.InsertQuiz(NewQuiz(channel: 601)));
        Store.Quizzes.Write(write =>
        {
            foreach (var q in new[] { old, a, b })
            {
                write.UpdateQuiz(q with { Status = QuizStatus.Finished, FinishedAt = q.StartedAt.AddMinutes(3) });
            }

            return 0;
        });

        Assert.Equal([a.Id, b.Id], Store.Quizzes.FinishedIn(600, Now.AddHours(-1)).Select(q => q.Id));
        Assert.Null(Store.Quizzes.RunningIn(600));
    }

    [Fact]
    public void Answers_given_since_a_time_are_listed_oldest_first()
    {
        Store.Community.Write(write =>
        {
            write.InsertAnswer(new AnswerRecord { Question = "old", Text = "a", CreatedAt = Now.AddDays(-100) });
            write.InsertAnswer(new AnswerRecord { Question = "second", Text = "a", CreatedAt = Now.AddMinutes(2) });
            write.InsertAnswer(new AnswerRecord { Question = "first", Text = "a", CreatedAt = Now.AddMinutes(1) });
            return 0;
        });

        Assert.Equal(["first", "second"], Store.Community.AnswersSince(Now.AddDays(-90)).Select(a => a.Question));
    }

    [Fact]
    public void An_faq_curation_is_kept_per_entry_and_replaced_by_the_next()
    {
        Store.Faq.Write(write =>
        {
            write.PutFaqCuration(new BackgroundBot.Faq.FaqCuration { Id = "who monitors the lachin corridor", Pinned = true, By = "discord:1", At = Now });
            write.PutFaqCuration(new BackgroundBot.Faq.FaqCuration { Id = "when was the bishkek protocol signed", Hidden = true, By = "discord:1", At = Now });
            return 0;
        });
        Store.Faq.Write(write =>
        {
            write.PutFaqCuration(new BackgroundBot.Faq.FaqCuration { Id = "who monitors the lachin corridor", Wording = "Who monitors the Lachin road?", By = "discord:2", At = Now.AddMinutes(1) });
            return 0;
        });

        var curations = Store.Faq.ListFaqCurations().OrderBy(c => c.Id, StringComparer.Ordinal).ToList();
        Assert.Equal(2, curations.Count);
        Assert.True(curations[0].Hidden);
        Assert.Equal(("Who monitors the Lachin road?", false, "discord:2"), (curations[1].Wording, curations[1].Pinned, curations[1].By));
    }

    private static QuizRun NewQuiz(ulong channel) => new()
    {
        GuildId = 500,
        ChannelId = channel,
        StartedBy = ulong.MaxValue - 1,
        Seconds = 20,
        StartedAt = Now,
        Questions =
        [
            new QuizQuestion
            {
                FactId = 7, Kind = QuizKind.Date, Prompt = "In which year? The Bishkek Protocol was signed in ____.", Options = ["1993", "1994", "1995", "1996"],
                Answer = 1, Value = "1994", SourceTitle = "Bishkek Protocol", SourceUrl = "https://example.org/bishkek",
            },
        ],
    };

    private static QuizAnswer NewAnswer(int quiz, ulong user, int option, DateTimeOffset at) =>
        new() { QuizId = quiz, Question = 0, UserId = user, UserName = $"user {user}", Option = option, Correct = option == 1, Points = 0, At = at };

    private static int _keys;

    private static Fact NewFact(string statement) => new()
    {
        Key = $"fact-{Interlocked.Increment(ref _keys)}",
        Statement = statement,
        Topic = "ceasefires",
        Date = "2020-11-10",
        Parties = ["Armenia", "Azerbaijan"],
    };

    private static Suggestion NewSuggestion() => new() { ProposerId = "42", Text = "Add the 2020 ceasefire.", CreatedAt = Now };

    private static PendingImport NewPendingImport(string id, DateTimeOffset at) =>
        new() { Id = id, FileName = $"{id}.txt", Content = "hello"u8.ToArray(), Actor = "mod:1", CreatedAt = at };
}

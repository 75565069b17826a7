using System.Collections.Concurrent;
using BackgroundBot.Discord.Interactions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BackgroundBot.Quizzes;

/// <summary>
/// Runs quizzes: posts each question as a follow-up of the /quiz start interaction, edits its countdown at most every
/// <see cref="CountdownStep"/> (Discord rate-limits edits, and a second-by-second count would eat the channel's budget),
/// closes it when time is up, reveals the right answer with its citation and the room's counts, and ends with the leaderboard.
/// </summary>
public sealed class QuizRunner(IQuizStore store, TimeProvider time, IHostApplicationLifetime lifetime, ILogger<QuizRunner> logger)
{
    public static readonly TimeSpan CountdownStep = TimeSpan.FromSeconds(5);

    /// <summary>How long a reveal stays up before the next question.</summary>
    public static readonly TimeSpan RevealPause = TimeSpan.FromSeconds(5);

    // Points for a right answer: half for being right, the other half shrinking with the time taken.
    private const int BasePoints = 500;
    private const int SpeedPoints = 500;

    private readonly ConcurrentDictionary<int, Task> _running = new();

    /// <summary>How late a running quiz's next step may be before it counts as left by a stopped bot (edits can queue behind Discord's limits).</summary>
    public static readonly TimeSpan StepGrace = TimeSpan.FromSeconds(30);

    /// <summary>True while this process runs the quiz (a quiz left marked running by a stopped bot is not).</summary>
    public bool IsRunning(int quizId) => _running.ContainsKey(quizId);

    /// <summary>
    /// True while some instance runs the quiz: this one, or, on a store shared by several, any whose runner has written a
    /// step recently. Each question is stored as it is asked, so a live quiz is never quieter than one question, its reveal
    /// and <see cref="StepGrace"/>; a quiz quiet for longer was left by a bot that stopped.
    /// </summary>
    public bool IsAlive(QuizRun quiz, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(quiz);
        return IsRunning(quiz.Id) || now < (quiz.AskedAt ?? quiz.StartedAt) + TimeSpan.FromSeconds(quiz.Seconds) + RevealPause + StepGrace;
    }

    public void Start(QuizRun quiz, IInteractionResponder responder)
    {
        ArgumentNullException.ThrowIfNull(quiz);
        _running[quiz.Id] = Task.Run(() => RunAsync(quiz, responder, lifetime.ApplicationStopping));
    }

    /// <summary>Points for an answer given <paramref name="taken"/> after the question was posted.</summary>
    public static int Points(bool correct, TimeSpan taken, int seconds) =>
        correct ? BasePoints + (int)Math.Round(SpeedPoints * Math.Clamp(1 - (taken.TotalSeconds / seconds), 0, 1)) : 0;

    private async Task RunAsync(QuizRun quiz, IInteractionResponder responder, CancellationToken cancellationToken)
    {
        try
        {
            for (var index = 0; index < quiz.Questions.Count; index++)
            {
                quiz = quiz with { Current = index, AskedAt = time.GetUtcNow(), Revealed = false };
                var asked = quiz;
                store.Write(w =>
                {
                    w.UpdateQuiz(asked);
                    return 0;
                });
                var message = await responder.FollowUpAsync(QuizMessages.Question(quiz, index, quiz.Seconds), cancellationToken);
                var deadline = quiz.AskedAt!.Value.AddSeconds(quiz.Seconds);
                for (var left = deadline - time.GetUtcNow(); left > TimeSpan.Zero; left = deadline - time.GetUtcNow())
                {
                    await Task.Delay(left < CountdownStep ? left : CountdownStep, time, cancellationToken);
                    var now = deadline - time.GetUtcNow();
                    if (now > TimeSpan.Zero)
                    {
                        await responder.EditFollowUpAsync(message, QuizMessages.Question(quiz, index, (int)Math.Ceiling(now.TotalSeconds)), cancellationToken);
                    }
                }

                quiz = quiz with { Revealed = true };
                var revealed = quiz;
                store.Write(w =>
                {
                    w.UpdateQuiz(revealed);
                    return 0;
                });
                var result = QuizResult.Read(store, quiz);
                await responder.EditFollowUpAsync(message, QuizMessages.Reveal(quiz, index, result.Questions[index].Counts), cancellationToken);
                if (index < quiz.Questions.Count - 1)
                {
                    await Task.Delay(RevealPause, time, cancellationToken);
                }
            }

            quiz = quiz with { Status = QuizStatus.Finished, FinishedAt = time.GetUtcNow() };
            var finished = quiz;
            store.Write(w =>
            {
                w.UpdateQuiz(finished);
                return 0;
            });
            await responder.FollowUpAsync(QuizMessages.Leaderboard(quiz, QuizResult.Read(store, quiz).Leaderboard), cancellationToken);
            Log.QuizFinished(logger, quiz.Id, quiz.ChannelId, quiz.Questions.Count);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Abandon(quiz);
        }
        catch (Exception ex)
        {
            Log.QuizFailed(logger, quiz.Id, ex);
            Abandon(quiz);
        }
        finally
        {
            _running.TryRemove(quiz.Id, out _);
        }
    }

    private void Abandon(QuizRun quiz) =>
        store.Write(w =>
        {
            w.UpdateQuiz(quiz with { Status = QuizStatus.Abandoned, FinishedAt = time.GetUtcNow() });
            return 0;
        });
}

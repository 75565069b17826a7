using BackgroundBot.Bot;
using BackgroundBot.Discord.Interactions;
using BackgroundBot.Discord.Models;
using BackgroundBot.Knowledge;
using BackgroundBot.Moderation;
using Microsoft.Extensions.Logging;

namespace BackgroundBot.Quizzes;

/// <summary>
/// <c>/quiz start</c> (educators: the server's educator roles, else Manage Channels) and the answer buttons: a member's
/// first press counts and is confirmed privately; a later press gets a private "already answered".
/// </summary>
public sealed class QuizInteractionHandler(
    QuizGenerator generator,
    QuizRunner runner,
    QuizWording wording,
    IQuizStore store,
    ServerSettings servers,
    TimeProvider time,
    ILogger<QuizInteractionHandler> logger) : IInteractionModule
{
    public const string NotAnEducator = "Only educators can start a quiz (the server's educator roles, set with /settings educator-roles, or Manage Channels).";
    public const string AlreadyAnswered = "You already answered this question; your first answer counts.";
    public const string Closed = "This question is closed.";
    public const string AlreadyRunning = "A quiz is already running in this channel; wait for its leaderboard.";

    public IReadOnlyList<ApplicationCommandDefinition> Commands => QuizCommands.All;

    public bool Handles(Interaction interaction)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        return (interaction.Type == InteractionType.ApplicationCommand && interaction.CommandName == QuizCommands.Quiz)
            || (interaction.Type == InteractionType.MessageComponent && interaction.CustomId?.StartsWith(QuizMessages.Prefix, StringComparison.Ordinal) == true);
    }

    public Task HandleAsync(Interaction interaction, IInteractionResponder responder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        ArgumentNullException.ThrowIfNull(responder);
        return interaction.Type == InteractionType.MessageComponent
            ? AnswerAsync(interaction, responder, cancellationToken)
            : StartAsync(interaction, responder, cancellationToken);
    }

    /// <summary>Educators: one of the server's educator roles when it has any, else Manage Channels (or Administrator).</summary>
    public bool IsEducator(Interaction interaction)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        if (interaction.GuildId is not { } guild)
        {
            return false;
        }

        var roles = servers.For(guild).EducatorRoleIds;
        return roles.Count > 0
            ? interaction.MemberRoles.Any(roles.Contains)
            : (interaction.MemberPermissions & (DiscordPermissions.ManageChannels | DiscordPermissions.Administrator)) != 0;
    }

    private async Task StartAsync(Interaction interaction, IInteractionResponder responder, CancellationToken cancellationToken)
    {
        if (!IsEducator(interaction) || interaction.ChannelId is not { } channel || interaction.GuildId is not { } guild)
        {
            await responder.RespondAsync(DiscordMessage.Text(NotAnEducator, ephemeral: true), cancellationToken);
            return;
        }

        if (store.RunningIn(channel) is { } running && runner.IsAlive(running, time.GetUtcNow()))
        {
            await responder.RespondAsync(DiscordMessage.Text(AlreadyRunning, ephemeral: true), cancellationToken);
            return;
        }

        var topic = interaction.GetOption("topic")?.AsString();
        if (topic is not null && !Topics.IsKnown(topic))
        {
            await responder.RespondAsync(DiscordMessage.Text(Topics.Unknown(topic), ephemeral: true), cancellationToken);
            return;
        }

        var count = (int)Math.Clamp(interaction.GetOption("count")?.AsInteger() ?? 5, 1, QuizCommands.MaxQuestions);
        var seconds = (int)Math.Clamp(interaction.GetOption("seconds")?.AsInteger() ?? 20, QuizCommands.MinSeconds, QuizCommands.MaxSeconds);
        var questions = await wording.WordAsync(generator.Generate(topic, count, Random.Shared), cancellationToken);
        if (questions.Count == 0)
        {
            await responder.RespondAsync(DiscordMessage.Text("I found no dated facts to ask about" + (topic is null ? "." : $" under {topic}; try another topic."), ephemeral: true), cancellationToken);
            return;
        }

        // Decided again inside the write: on a shared store another instance may have started one meanwhile.
        var quiz = store.Write(w =>
        {
            var now = time.GetUtcNow();
            if (store.RunningIn(channel) is { } current)
            {
                if (runner.IsAlive(current, now))
                {
                    return null;
                }

                // Left running by a bot that stopped mid-quiz: nobody can finish it any more.
                w.UpdateQuiz(current with { Status = QuizStatus.Abandoned, FinishedAt = now });
            }

            return w.InsertQuiz(new QuizRun
            {
                GuildId = guild,
                ChannelId = channel,
                StartedBy = interaction.User.Id,
                Topic = topic,
                Seconds = seconds,
                Questions = questions,
                StartedAt = now,
            });
        });
        if (quiz is null)
        {
            await responder.RespondAsync(DiscordMessage.Text(AlreadyRunning, ephemeral: true), cancellationToken);
            return;
        }

        await responder.RespondAsync(
            DiscordMessage.Text($"Quiz time{(topic is null ? "" : $" ({topic})")}: {questions.Count} question{(questions.Count == 1 ? "" : "s")}, {seconds} seconds each. Press a button to answer; your first press counts, and fast right answers score more."),
            cancellationToken);
        Log.QuizStarted(logger, quiz.Id, channel, questions.Count);
        runner.Start(quiz, responder);
    }

    private async Task AnswerAsync(Interaction interaction, IInteractionResponder responder, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (QuizMessages.Parse(interaction.CustomId!) is not var (quizId, question, option)
            || store.FindQuiz(quizId) is not { } quiz
            || quiz.Status != QuizStatus.Running || quiz.Current != question || quiz.Revealed || quiz.AskedAt is not { } asked
            || now > asked.AddSeconds(quiz.Seconds) || option >= quiz.Questions[question].Options.Count)
        {
            await responder.RespondAsync(DiscordMessage.Text(Closed, ephemeral: true), cancellationToken);
            return;
        }

        var correct = option == quiz.Questions[question].Answer;
        var answer = new QuizAnswer
        {
            QuizId = quizId,
            Question = question,
            UserId = interaction.User.Id,
            UserName = interaction.User.DisplayName,
            Option = option,
            Correct = correct,
            Points = QuizRunner.Points(correct, now - asked, quiz.Seconds),
            At = now,
        };
        var first = store.Write(w => w.TryAddAnswer(answer));
        await responder.RespondAsync(
            DiscordMessage.Text(first ? $"Answer recorded: {QuizMessages.Option(quiz.Questions[question], option)}. The right one is shown when time is up." : AlreadyAnswered, ephemeral: true),
            cancellationToken);
    }
}

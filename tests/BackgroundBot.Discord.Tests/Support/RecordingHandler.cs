using System.Collections.Concurrent;
using BackgroundBot.Discord.Interactions;
using BackgroundBot.Discord.Models;
using BackgroundBot.Testing;

namespace BackgroundBot.Discord.Tests.Support;

/// <summary>The bot side of the seam in tests: records every interaction and answers as told (by default, at once).</summary>
public sealed class RecordingHandler : IInteractionHandler
{
    private readonly ConcurrentQueue<InteractionContext> _handled = new();
    private readonly List<(int Count, TaskCompletionSource Signal)> _waiters = [];

    public Func<InteractionContext, CancellationToken, Task> Behaviour { get; set; } =
        (c, ct) => c.Responder.RespondAsync(DiscordMessage.Text("answer to " + c.Interaction.Id), ct);

    public IReadOnlyList<Interaction> Handled => _handled.Select(c => c.Interaction).ToList();

    public async Task HandleAsync(InteractionContext context, CancellationToken cancellationToken)
    {
        _handled.Enqueue(context);
        List<TaskCompletionSource> done = [];
        lock (_waiters)
        {
            foreach (var w in _waiters.Where(w => _handled.Count >= w.Count).ToList())
            {
                _waiters.Remove(w);
                done.Add(w.Signal);
            }
        }

        done.ForEach(d => d.TrySetResult());
        await Behaviour(context, cancellationToken);
    }

    public Task WaitForCountAsync(int count)
    {
        lock (_waiters)
        {
            if (_handled.Count >= count)
            {
                return Task.CompletedTask;
            }

            var tcs = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((count, tcs));
            return tcs.Task.WaitAsync(TestTimeouts.Signal);
        }
    }
}

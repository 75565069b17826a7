using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BackgroundBot.Sessions;

/// <summary>
/// Ends sessions whose time ran out: at start (those that ran out while the bot was stopped), at each session's end time,
/// and every <see cref="SessionsOptions.CheckEvery"/> for sessions another instance started. Each check also posts again
/// the transcripts that could not be posted before (Discord down, a missing permission).
/// </summary>
public sealed class SessionClock(ISessionStore store, SessionCloser closer, IOptions<SessionsOptions> options, TimeProvider time, ILogger<SessionClock> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await closer.PostUndeliveredAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                Log.TranscriptNotPosted(logger, ex);
            }

            var now = time.GetUtcNow();
            var active = store.ActiveSessions();
            foreach (var session in active.Where(s => s.EndsAt <= now))
            {
                try
                {
                    await closer.CloseAsync(session.Id, endedBy: null, stoppingToken);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    Log.CloseFailed(logger, session.Id, ex);
                }
            }

            var next = active.Where(s => s.EndsAt > now).Select(s => s.EndsAt - now).DefaultIfEmpty(options.Value.CheckEvery).Min();
            try
            {
                await Task.Delay(next < options.Value.CheckEvery ? next : options.Value.CheckEvery, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}

using Microsoft.Extensions.Hosting;

namespace BackgroundBot.Retrieval;

/// <summary>
/// Loads the local embedding model before a bot starts taking interactions. Loading takes seconds; done on the first
/// question, or inside a curator's first write, it would eat into Discord's 3-second window for that interaction.
/// </summary>
public sealed class EmbeddingWarmUp(SemanticSearch semantic) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        semantic.WarmUp(cancellationToken);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

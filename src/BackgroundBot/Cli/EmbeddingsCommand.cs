using System.CommandLine;
using BackgroundBot.Retrieval;
using Microsoft.Extensions.DependencyInjection;

namespace BackgroundBot.Cli;

/// <summary><c>embeddings [--rebuild]</c>: computes passage embeddings for the configured <c>Embeddings</c> model.</summary>
public static class EmbeddingsCommand
{
    public static Command Create(CliContext cli)
    {
        var rebuild = new Option<bool>("--rebuild") { Description = "Drop every stored vector (of any model) and embed all passages again; needed after changing Embeddings:Model." };
        var bundle = new Option<string?>("--bundle") { Description = "Also write every live passage's vector to FILE (how Data/embeddings is made).", HelpName = "FILE" };
        var command = new Command("embeddings", "Compute passage embeddings for hybrid retrieval (passages that have none, or all with --rebuild).") { rebuild, bundle };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var host = await cli.StartHostAsync(parseResult, cancellationToken);
            var semantic = host.Services.GetRequiredService<SemanticSearch>();
            if (!semantic.Enabled)
            {
                await cli.Error.WriteLineAsync("Embeddings are switched off (Embeddings:Provider is None); remove that setting to use the local model.");
                return ExitCodes.BadInput;
            }

            var progress = new ProgressLines(cli.Output, "embedded");
            var count = parseResult.GetValue(rebuild)
                ? await semantic.RebuildAsync(progress, cancellationToken)
                : await semantic.EmbedMissingAsync(progress, cancellationToken);
            await cli.Output.WriteLineAsync($"Embedded {count} passages with {semantic.Model}; {semantic.Count} passages have vectors.");
            if (parseResult.GetValue(bundle) is { } file)
            {
                await cli.Output.WriteLineAsync($"Wrote {semantic.ExportBundle(file)} vectors to {file}.");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}

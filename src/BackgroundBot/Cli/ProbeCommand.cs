using System.CommandLine;

namespace BackgroundBot.Cli;

/// <summary>
/// <c>probe URL</c>: asks a running bot's <c>/readyz</c> (or any URL) and exits 0 when it answers 2xx, 1 otherwise with its body on
/// standard error. The container image's <c>HEALTHCHECK</c> uses it: the runtime image has no curl or wget. Starts no host.
/// </summary>
public static class ProbeCommand
{
    public static Command Create(CliContext cli)
    {
        var url = new Argument<string>("URL") { Description = "What to ask, e.g. http://127.0.0.1:8080/readyz." };
        var command = new Command("probe", "Check a running bot's readiness URL; exit 0 when ready (for container health checks).") { url };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            try
            {
                using var response = await http.GetAsync(new Uri(parseResult.GetValue(url)!), cancellationToken);
                var body = (await response.Content.ReadAsStringAsync(cancellationToken)).Trim();
                if (response.IsSuccessStatusCode)
                {
                    await cli.Output.WriteLineAsync(body);
                    return ExitCodes.Success;
                }

                await cli.Error.WriteLineAsync(TerminalText.Escape($"{(int)response.StatusCode}: {body.Replace('\n', ';')}", oneLine: true));
                return ExitCodes.BadInput;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or UriFormatException)
            {
                await cli.Error.WriteLineAsync(TerminalText.Escape($"No answer from {parseResult.GetValue(url)}: {e.Message}", oneLine: true));
                return ExitCodes.BadInput;
            }
        });
        return command;
    }
}

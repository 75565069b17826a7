using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;
using BackgroundBot.Testing.FakeDiscord;
using BackgroundBot.Tests.Infrastructure;

namespace BackgroundBot.Tests.Operations;

/// <summary>
/// What the container image runs, run here: the Dockerfile's ENTRYPOINT and CMD with its ENV, its data folder and its HEALTHCHECK
/// command, against the fake Discord (no container engine can pull the .NET base images on this machine). Only the image's paths
/// are mapped: <c>/app</c> to the built bot, <c>/data</c> to a temporary folder, port 8080 to a free one.
/// </summary>
public sealed partial class ImageEntrypointTests : IAsyncLifetime
{
    private static readonly string[] Dockerfile = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Deploy", "Dockerfile"));
    private readonly TempFolder _data = TempFolder.Create();
    private FakeDiscordServer _discord = null!;

    public async Task InitializeAsync() => _discord = await FakeDiscordServer.StartAsync();

    public async Task DisposeAsync()
    {
        await _discord.DisposeAsync();
        _data.Dispose();
    }

    [Fact]
    public async Task The_images_entrypoint_and_environment_run_the_gateway_bot_whose_healthcheck_passes_and_SIGTERM_stops_it_with_0()
    {
        var port = FreePort();
        var entrypoint = Exec("ENTRYPOINT").Concat(Exec("CMD")).Select(a => Map(a, port)).ToList();
        var healthcheck = Exec("HEALTHCHECK").Select(a => Map(a, port)).ToList();
        var environment = Env().ToDictionary(e => e.Key, e => Map(e.Value, port));
        environment["Discord__Token"] = "test-token.abc";
        environment["Discord__ApplicationId"] = "1000";
        environment["Discord__ApiBaseUrl"] = _discord.ApiBaseUrl.AbsoluteUri;
        environment["Store__SeedPack"] = "false";

        using var bot = Start(entrypoint, environment, Map(WorkDir(), port));
        var stderr = bot.StandardError.ReadToEndAsync();
        var listening = await bot.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromMinutes(2));
        await _discord.Gateway.WaitForLiveAsync(1).WaitAsync(TimeSpan.FromMinutes(2));
        var health = await RunAsync(healthcheck, environment);
        using (var kill = Process.Start("kill", ["-TERM", bot.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!)
        {
            await kill.WaitForExitAsync();
        }

        await bot.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));
        var log = (await stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(["dotnet", "/app/BackgroundBot.dll", "run", "--health-urls", "http://+:8080"], Exec("ENTRYPOINT").Concat(Exec("CMD")));
        Assert.Contains("/readyz", listening, StringComparison.Ordinal);
        Assert.True(health.ExitCode == 0, health.Output);
        Assert.Contains("discord: Healthy: Discord: gateway READY on 1 shard(s)", health.Output, StringComparison.Ordinal);
        Assert.Equal(0, bot.ExitCode);
        Assert.True(File.Exists(Path.Combine(_data.Path, "backgroundbot.db")), "the store is on the data volume");
        Assert.All(log, line => JsonDocument.Parse(line));
        Assert.Contains(log, line => line.Contains("\"EventId\":1312", StringComparison.Ordinal));
    }

    // The final stage's instructions (after the last FROM).
    private static IEnumerable<string> FinalStage() => Dockerfile.Skip(Array.FindLastIndex(Dockerfile, l => l.StartsWith("FROM ", StringComparison.Ordinal)));

    private static string[] Exec(string instruction)
    {
        var line = FinalStage().Single(l => l.StartsWith(instruction + " ", StringComparison.Ordinal));
        return JsonSerializer.Deserialize<string[]>(line[line.IndexOf('[', StringComparison.Ordinal)..])!;
    }

    private static string WorkDir() => FinalStage().Last(l => l.StartsWith("WORKDIR ", StringComparison.Ordinal))["WORKDIR ".Length..].Trim();

    // ENV lines, with their backslash continuations.
    private static Dictionary<string, string> Env()
    {
        var text = string.Join(' ', FinalStage().SkipWhile(l => !l.StartsWith("ENV ", StringComparison.Ordinal)).TakeWhile((l, i) => i == 0 || !Regex.IsMatch(l, "^[A-Z]+ ")).Select(l => l.TrimEnd('\\').Trim()));
        return Pair().Matches(text["ENV ".Length..]).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
    }

    private string Map(string value, int port) => value
        .Replace("/app/", AppContext.BaseDirectory, StringComparison.Ordinal)
        .Replace("/data", _data.Path, StringComparison.Ordinal)
        .Replace("8080", port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("http://+:", "http://127.0.0.1:", StringComparison.Ordinal);

    private static Process Start(IReadOnlyList<string> command, Dictionary<string, string> environment, string workingDirectory)
    {
        var start = new ProcessStartInfo(command[0]) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in command.Skip(1))
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return Process.Start(start)!;
    }

    private async Task<(int ExitCode, string Output)> RunAsync(IReadOnlyList<string> command, Dictionary<string, string> environment)
    {
        using var process = Start(command, environment, _data.Path);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));
        return (process.ExitCode, await output + await error);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"(\w+)=(\S+)")]
    private static partial Regex Pair();
}

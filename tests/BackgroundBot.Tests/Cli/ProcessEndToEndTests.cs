using System.Diagnostics;
using System.Text.Json;
using BackgroundBot.Tests.Infrastructure;

namespace BackgroundBot.Tests.Cli;

/// <summary>Runs the real executable as a user would, to prove the entry point, content files and exit codes.</summary>
public sealed class ProcessEndToEndTests
{
    [Fact]
    public async Task The_built_executable_answers_with_json_on_stdout_and_nothing_else()
    {
        using var folder = TempFolder.Create();

        var (code, stdout, stderr) = await RunAsync(folder.Path, "ask", "Which road connects Nagorno-Karabakh to Armenia?", "--json");

        Assert.True(code == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        Assert.Contains("Lachin", json.RootElement.GetProperty("answer").GetString(), StringComparison.Ordinal);
        Assert.True(json.RootElement.GetProperty("grounded").GetBoolean());
        Assert.True(File.Exists(Path.Combine(folder.Path, "data", "backgroundbot.db")), "The default store is data/backgroundbot.db under the working folder.");
    }

    [Fact]
    public async Task The_built_executable_exits_2_on_a_usage_error()
    {
        using var folder = TempFolder.Create();

        var (code, _, stderr) = await RunAsync(folder.Path, "ask");

        Assert.Equal(2, code);
        Assert.Contains("Run with --help for usage.", stderr, StringComparison.Ordinal);
    }

    private static async Task<(int Code, string Stdout, string Stderr)> RunAsync(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "BackgroundBot.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }
}

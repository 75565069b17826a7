using System.Diagnostics;
using System.Text.RegularExpressions;

namespace BackgroundBot.Tests.Infrastructure;

/// <summary>
/// The built executable in a process of its own, as an operator runs it: one-shot verbs, and <c>serve</c> left running
/// until stopped with SIGTERM, as a service manager stops it.
/// </summary>
public sealed partial class BotProcess : IAsyncDisposable
{
    /// <summary>A process start (runtime, host, store, seed) on a busy two-core machine; a guard against hangs only.</summary>
    private static readonly TimeSpan Startup = TimeSpan.FromMinutes(2);

    private readonly Process _process;
    private readonly Task<string> _stderr;

    private BotProcess(Process process, Uri endpoint, Task<string> stderr)
    {
        _process = process;
        Endpoint = endpoint;
        _stderr = stderr;
    }

    public int Id => _process.Id;

    /// <summary>The <c>/interactions</c> URL it serves.</summary>
    public Uri Endpoint { get; }

    /// <summary>Runs a verb to its end.</summary>
    public static async Task<ProcessRun> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        using var process = Process.Start(StartInfo(workingDirectory, environment, args))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Startup);
        await process.WaitForExitAsync(timeout.Token);
        return new ProcessRun(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Starts <c>serve</c> on a free loopback port and waits until it says where it listens.</summary>
    public static async Task<BotProcess> ServeAsync(string workingDirectory, IReadOnlyDictionary<string, string> environment, string db)
    {
        var process = Process.Start(StartInfo(workingDirectory, environment, ["serve", "--urls", "http://127.0.0.1:0", "--db", db]))!;
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Startup);
        try
        {
            while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                if (ServingAt().Match(line) is { Success: true } serving)
                {
                    return new BotProcess(process, new Uri(serving.Value), stderr);
                }
            }
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw;
        }

        await process.WaitForExitAsync(timeout.Token);
        var code = process.ExitCode;
        process.Dispose();
        throw new InvalidOperationException($"serve exited with {code} before serving: {await stderr}");
    }

    /// <summary>SIGTERM, as systemd or Docker stop it; the exit code once it has shut down.</summary>
    public async Task<int> StopAsync()
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(Startup);
        await _process.WaitForExitAsync(timeout.Token);
        return _process.ExitCode;
    }

    /// <summary>What it wrote to standard error, once it has exited.</summary>
    public Task<string> ErrorOutput => _stderr;

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static ProcessStartInfo StartInfo(string workingDirectory, IReadOnlyDictionary<string, string> environment, string[] args)
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

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return start;
    }

    [GeneratedRegex(@"http://\S+/interactions")]
    private static partial Regex ServingAt();
}

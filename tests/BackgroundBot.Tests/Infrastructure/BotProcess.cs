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
    private readonly ErrorLines _stderr;

    private BotProcess(Process process, Uri endpoint, ErrorLines stderr)
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
        var stderr = new ErrorLines(process.StandardError);
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
        throw new InvalidOperationException($"serve exited with {code} before serving: {await stderr.All}");
    }

    /// <summary>SIGTERM, as systemd or Docker stop it; the exit code once it has shut down.</summary>
    public async Task<int> StopAsync()
    {
        await TerminateAsync();
        return await ExitCodeAsync();
    }

    /// <summary>Sends SIGTERM and returns at once, while the process shuts down.</summary>
    public async Task TerminateAsync()
    {
        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!;
        await kill.WaitForExitAsync();
    }

    /// <summary>The exit code once the process has exited (a guard against hangs, not a wait for anything).</summary>
    public async Task<int> ExitCodeAsync()
    {
        using var timeout = new CancellationTokenSource(Startup);
        await _process.WaitForExitAsync(timeout.Token);
        return _process.ExitCode;
    }

    /// <summary>What it wrote to standard error, once it has exited.</summary>
    public Task<string> ErrorOutput => _stderr.All;

    /// <summary>Completes with the first line on standard error containing <paramref name="text"/> (one already written included).</summary>
    public Task<string> ErrorLineAsync(string text) => _stderr.WaitForAsync(text);

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

    /// <summary>Standard error read line by line as it comes, so a test can wait for a log line (a signal, not a sleep).</summary>
    private sealed class ErrorLines
    {
        private readonly List<string> _lines = [];
        private readonly List<(string Text, TaskCompletionSource<string> Seen)> _waiters = [];

        public ErrorLines(StreamReader reader) => All = ReadAsync(reader);

        public Task<string> All { get; }

        public Task<string> WaitForAsync(string text)
        {
            lock (_lines)
            {
                if (_lines.FirstOrDefault(l => l.Contains(text, StringComparison.Ordinal)) is { } seen)
                {
                    return Task.FromResult(seen);
                }

                var waiter = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
                _waiters.Add((text, waiter));
                return waiter.Task.WaitAsync(Startup);
            }
        }

        private async Task<string> ReadAsync(StreamReader reader)
        {
            while (await reader.ReadLineAsync() is { } line)
            {
                lock (_lines)
                {
                    _lines.Add(line);
                    foreach (var waiter in _waiters.Where(w => line.Contains(w.Text, StringComparison.Ordinal)).ToList())
                    {
                        waiter.Seen.TrySetResult(line);
                        _waiters.Remove(waiter);
                    }
                }
            }

            lock (_lines)
            {
                foreach (var (text, seen) in _waiters)
                {
                    seen.TrySetException(new InvalidOperationException($"The process ended without writing a line containing \"{text}\"."));
                }

                return string.Join('\n', _lines) + (_lines.Count > 0 ? "\n" : "");
            }
        }
    }
}

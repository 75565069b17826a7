using BackgroundBot.Cli;
using Microsoft.Extensions.Hosting;

namespace BackgroundBot.Tests.Infrastructure;

/// <summary>What one in-process run of the command line printed and returned.</summary>
public sealed record CliRun(int ExitCode, string Output, string Error)
{
    public static Task<CliRun> RunAsync(params string[] args) => RunAsync(args, configureHost: null);

    public static async Task<CliRun> RunAsync(string[] args, Action<IHostApplicationBuilder>? configureHost, CancellationToken cancellationToken = default)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CliApp.RunAsync(args, output, error, configureHost, cancellationToken, terminal: false);
        return new CliRun(code, output.ToString(), error.ToString());
    }

    /// <summary>A run whose standard output is a terminal a person reads (as when nothing is redirected).</summary>
    public static async Task<CliRun> RunOnTerminalAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CliApp.RunAsync(args, output, error, configureHost: null, CancellationToken.None, terminal: true);
        return new CliRun(code, output.ToString(), error.ToString());
    }
}

namespace BackgroundBot.Tests.Infrastructure;

/// <summary>What one run of the executable printed and returned.</summary>
public sealed record ProcessRun(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>Standard error's lines, without the trailing newline.</summary>
    public IReadOnlyList<string> ErrorLines => Stderr.TrimEnd().Split('\n');
}

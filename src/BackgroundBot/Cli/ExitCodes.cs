namespace BackgroundBot.Cli;

/// <summary>The exit codes every verb uses; scripts and checks rely on them.</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>Bad input (a refused file, an empty question) or something not found.</summary>
    public const int BadInput = 1;

    /// <summary>The command line itself is wrong: unknown verb, missing argument, bad option value.</summary>
    public const int Usage = 2;

    /// <summary>Stopped by Ctrl+C before it finished (the shell's convention, 128 + SIGINT).</summary>
    public const int Interrupted = 130;
}

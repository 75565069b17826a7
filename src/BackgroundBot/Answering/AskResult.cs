namespace BackgroundBot.Answering;

/// <summary>An answer, or why the question itself cannot be taken (empty, too long).</summary>
public sealed record AskResult(GroundedAnswer? Answer, string? Error)
{
    public static AskResult Ok(GroundedAnswer answer) => new(answer, null);

    public static AskResult Invalid(string error) => new(null, error);
}

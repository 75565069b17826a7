namespace BackgroundBot.Answering.Generative;

/// <summary>One check's finding on one sentence; <see cref="Reason"/> says why it is not supported, for the log.</summary>
public sealed record SupportResult(bool IsSupported, string? Reason = null)
{
    public static SupportResult Supported { get; } = new(true);

    public static SupportResult Unsupported(string reason) => new(false, reason);
}

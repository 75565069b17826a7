namespace BackgroundBot.Testing;

/// <summary>How long a test waits for a signal before failing: a guard against hangs, never a sleep.</summary>
public static class TestTimeouts
{
    public static readonly TimeSpan Signal = TimeSpan.FromSeconds(15);
}

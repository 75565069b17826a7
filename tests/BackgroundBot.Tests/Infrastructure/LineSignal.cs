using System.Globalization;

namespace BackgroundBot.Tests.Infrastructure;

/// <summary>
/// A writer for a verb's standard output that completes <see cref="Line"/> with the first line starting with a prefix: how
/// a test learns that an in-process <c>serve</c> is listening, and where.
/// </summary>
internal sealed class LineSignal(string prefix) : StringWriter(CultureInfo.InvariantCulture)
{
    private readonly TaskCompletionSource<string> _line = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<string> Line => _line.Task;

    public override void WriteLine(string? value)
    {
        base.WriteLine(value);
        if (value?.StartsWith(prefix, StringComparison.Ordinal) == true)
        {
            _line.TrySetResult(value);
        }
    }

    public override Task WriteLineAsync(string? value)
    {
        WriteLine(value);
        return Task.CompletedTask;
    }
}

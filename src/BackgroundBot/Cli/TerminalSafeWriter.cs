namespace BackgroundBot.Cli;

/// <summary>
/// Standard output or error with <see cref="TerminalText.Escape"/> applied to everything written, so no verb can
/// pass stored text's control characters to the operator's terminal, whatever it prints.
/// </summary>
public sealed class TerminalSafeWriter(TextWriter inner) : TextWriter(inner?.FormatProvider)
{
    private readonly TextWriter _inner = inner ?? throw new ArgumentNullException(nameof(inner));

    public override System.Text.Encoding Encoding => _inner.Encoding;

    /// <summary>The writer underneath (to tell whether output is the console).</summary>
    public static TextWriter Unwrap(TextWriter writer) => writer is TerminalSafeWriter safe ? safe._inner : writer;

    public override void Write(char value) => _inner.Write(TerminalText.Escape(value.ToString()));

    public override void Write(string? value) => _inner.Write(TerminalText.Escape(value));

    public override void Write(char[] buffer, int index, int count) => _inner.Write(TerminalText.Escape(new string(buffer, index, count)));

    public override void WriteLine(string? value) => _inner.WriteLine(TerminalText.Escape(value));

    public override void WriteLine() => _inner.WriteLine();

    public override Task WriteAsync(string? value) => _inner.WriteAsync(TerminalText.Escape(value));

    public override Task WriteAsync(char value) => _inner.WriteAsync(TerminalText.Escape(value.ToString()));

    public override Task WriteLineAsync(string? value) => _inner.WriteLineAsync(TerminalText.Escape(value));

    public override Task WriteLineAsync(char value) => _inner.WriteLineAsync(TerminalText.Escape(value.ToString()));

    public override Task WriteLineAsync() => _inner.WriteLineAsync();

    public override void Flush() => _inner.Flush();

    public override Task FlushAsync() => _inner.FlushAsync();
}

using System.Globalization;
using BackgroundBot.Knowledge.Import;
using Spectre.Console;

namespace BackgroundBot.Cli;

/// <summary>
/// Progress of long imports: a live bar on a terminal (Spectre.Console), plain lines when output is redirected
/// (one per <see cref="LineEvery"/> passages), and nothing for short articles, where it would only be noise.
/// </summary>
public static class ImportProgressDisplay
{
    public const int LongImport = 50;
    public const int LineEvery = 100;

    public static async Task<T> RunAsync<T>(TextWriter output, string file, int passages, Func<IProgress<ImportProgress>?, T> import)
    {
        ArgumentNullException.ThrowIfNull(import);
        if (passages < LongImport)
        {
            return import(null);
        }

        if (ReferenceEquals(TerminalSafeWriter.Unwrap(output), Console.Out) && !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive)
        {
            return await AnsiConsole.Progress().StartAsync(context =>
            {
                var task = context.AddTask(Markup.Escape(file), maxValue: passages);
                return Task.FromResult(import(new Progress<ImportProgress>(p => task.Value = p.PassagesStored)));
            });
        }

        return import(new PlainLines(output));
    }

    private sealed class PlainLines(TextWriter output) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value)
        {
            if (value.PassagesStored % LineEvery == 0 || value.PassagesStored == value.PassageCount)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {value.File}: stored {value.PassagesStored}/{value.PassageCount} passages"));
            }
        }
    }
}

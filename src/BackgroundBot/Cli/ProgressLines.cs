using System.Globalization;

namespace BackgroundBot.Cli;

/// <summary>Reports batch progress as plain lines ("embedded 64/200 passages"), one per batch.</summary>
public sealed class ProgressLines(TextWriter output, string verb) : IProgress<(int Done, int Total)>
{
    public void Report((int Done, int Total) value) =>
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {verb} {value.Done}/{value.Total} passages"));
}

using System.Text.Json;
using System.Text.RegularExpressions;
using BackgroundBot.Tests.Infrastructure;

namespace BackgroundBot.Tests.Cli;

/// <summary>A store in a temp folder that tests drive only through the command line, as a moderator would.</summary>
public sealed partial class CliStore : IDisposable
{
    public TempFolder Folder { get; } = TempFolder.Create();

    public string Db => Path.Combine(Folder.Path, "cli.db");

    public Task<CliRun> Run(params string[] args) => CliRun.RunAsync([.. args, "--db", Db]);

    public Task<CliRun> RunOnTerminal(params string[] args) => CliRun.RunOnTerminalAsync([.. args, "--db", Db]);

    /// <summary>The first number after <paramref name="after"/> in a verb's output ("Added fact 243." → 243).</summary>
    public static string Id(string output, string after) => Regex.Match(output, Regex.Escape(after) + @"\D*(\d+)").Groups[1].Value;

    /// <summary>One fact as <c>facts list --all --json</c> prints it.</summary>
    public async Task<JsonElement> FactJson(string id)
    {
        var list = await Run("facts", "list", "--all", "--json");
        Assert.Equal(0, list.ExitCode);
        using var json = JsonDocument.Parse(list.Output);
        return json.RootElement.EnumerateArray().Single(f => f.GetProperty("id").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture) == id).Clone();
    }

    public void Dispose() => Folder.Dispose();
}

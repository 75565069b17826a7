using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using BackgroundBot.Testing;
using BackgroundBot.Testing.FakeDiscord;
using BackgroundBot.Tests.Infrastructure;
using NSec.Cryptography;

namespace BackgroundBot.Tests.Cli;

/// <summary>
/// Two real processes on one store: a bot serving Discord's HTTP endpoint, and an operator's verbs beside it. LiteDB's
/// direct mode has no lock between processes, so before the store lock a verb run beside the bot deleted the log the
/// bot was still writing to, and the bot's later writes were gone after a restart.
/// </summary>
public sealed class OneWriterTests : IAsyncLifetime
{
    private readonly Key _key = Key.Create(SignatureAlgorithm.Ed25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
    private readonly TempFolder _folder = TempFolder.Create();
    private readonly HttpClient _http = new();
    private FakeDiscordServer _discord = null!;
    private ulong _nextInteraction = 70_000;

    private string Db => Path.Combine(_folder.Path, "bot.db");

    private Dictionary<string, string> Environment => new()
    {
        ["Discord__Token"] = "test-token.abc",
        ["Discord__ApplicationId"] = "1000",
        ["Discord__PublicKey"] = Convert.ToHexString(_key.PublicKey.Export(KeyBlobFormat.RawPublicKey)),
        ["Discord__ApiBaseUrl"] = _discord.ApiBaseUrl.AbsoluteUri,
        ["Moderation__HomeGuildIds__0"] = InteractionJson.HomeGuild,
        ["Store__SeedPack"] = "false",
    };

    public async Task InitializeAsync() => _discord = await FakeDiscordServer.StartAsync();

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _discord.DisposeAsync();
        _folder.Dispose();
        _key.Dispose();
    }

    [Fact]
    public async Task A_verb_beside_a_running_bot_is_refused_in_one_line_and_the_bots_later_writes_survive_a_restart()
    {
        await using var bot = await BotProcess.ServeAsync(_folder.Path, Environment, Db);
        var added = await AddFactAsync(bot, "Since May 2024 Armenian border guards have guarded the Tavush border villages.");
        var storeBefore = await File.ReadAllBytesAsync(Db);

        var read = await BotProcess.RunAsync(_folder.Path, Environment, "facts", "list", "--db", Db);
        var write = await BotProcess.RunAsync(_folder.Path, Environment, "aliases", "add", "Goris", "Gorisi", "--db", Db);
        var storeAfter = await File.ReadAllBytesAsync(Db);
        var retracted = await CommandAsync(bot, "facts", Sub("retract", Int("id", 1), Text("reason", "source withdrawn")));
        var stopped = await bot.StopAsync();
        var audit = await BotProcess.RunAsync(_folder.Path, Environment, "audit", "--subject", "fact/1", "--db", Db);
        var facts = await BotProcess.RunAsync(_folder.Path, Environment, "facts", "list", "--all", "--db", Db);

        Assert.StartsWith("Added fact 1", added, StringComparison.Ordinal);
        foreach (var refused in new[] { read, write })
        {
            Assert.Equal(1, refused.ExitCode);
            Assert.StartsWith($"The fact store {Db} is in use by `serve` (process {bot.Id}, since ", refused.ErrorLines.Single(), StringComparison.Ordinal);
            Assert.Empty(refused.Stdout);
        }

        Assert.Equal(storeBefore, storeAfter);
        Assert.StartsWith("Retracted fact 1", retracted, StringComparison.Ordinal);
        Assert.Equal(0, stopped);
        Assert.Equal(0, audit.ExitCode);
        Assert.Contains("fact.add", audit.Stdout, StringComparison.Ordinal);
        Assert.Contains("fact.retract", audit.Stdout, StringComparison.Ordinal);
        Assert.Contains("\tretracted\t", facts.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Gorisi", (await BotProcess.RunAsync(_folder.Path, Environment, "aliases", "--db", Db)).Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_backup_taken_while_serving_holds_the_bots_writes_and_restores_once_the_bot_is_stopped()
    {
        var backup = Path.Combine(_folder.Path, "backups", "bot-backup.db");
        Directory.CreateDirectory(Path.GetDirectoryName(backup)!);
        await using var bot = await BotProcess.ServeAsync(_folder.Path, Environment, Db);
        await AddFactAsync(bot, "Since May 2024 Armenian border guards have guarded the Tavush border villages.");

        var backedUp = await BotProcess.RunAsync(_folder.Path, Environment, "backup", "--out", backup, "--db", Db);
        await AddFactAsync(bot, "A fact added after the backup was taken.");
        var inBackup = await BotProcess.RunAsync(_folder.Path, Environment, "facts", "list", "--db", backup);
        var restoreWhileServing = await BotProcess.RunAsync(_folder.Path, Environment, "restore", backup, "--db", Db);
        await bot.StopAsync();
        var restored = await BotProcess.RunAsync(_folder.Path, Environment, "restore", backup, "--db", Db);
        var afterRestore = await BotProcess.RunAsync(_folder.Path, Environment, "facts", "list", "--db", Db);
        var replaced = await BotProcess.RunAsync(_folder.Path, Environment, "facts", "list", "--db", Path.Combine(_folder.Path, "bot.before-restore.db"));

        Assert.Equal(0, backedUp.ExitCode);
        Assert.StartsWith($"Backed up {Db} to {backup} through the running `serve` (process {bot.Id}", backedUp.Stdout, StringComparison.Ordinal);
        Assert.Contains(": 1 fact, 1 article, ", backedUp.Stdout, StringComparison.Ordinal);
        Assert.Contains("Tavush border villages", inBackup.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("after the backup", inBackup.Stdout, StringComparison.Ordinal);
        Assert.Equal(1, restoreWhileServing.ExitCode);
        Assert.Contains("is in use by `serve`", restoreWhileServing.ErrorLines.Single(), StringComparison.Ordinal);
        Assert.Equal(0, restored.ExitCode);
        Assert.Contains("the store it replaced is kept as", restored.Stdout, StringComparison.Ordinal);
        Assert.Contains("Tavush border villages", afterRestore.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("after the backup", afterRestore.Stdout, StringComparison.Ordinal);
        Assert.Contains("after the backup", replaced.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_serve_on_the_same_store_refuses_and_the_first_serves_on()
    {
        await using var first = await BotProcess.ServeAsync(_folder.Path, Environment, Db);

        var second = await BotProcess.RunAsync(_folder.Path, Environment, "serve", "--urls", "http://127.0.0.1:0", "--db", Db);
        var health = await _http.GetAsync(new Uri(first.Endpoint, "/healthz"));
        var added = await AddFactAsync(first, "Since May 2024 Armenian border guards have guarded the Tavush border villages.");

        Assert.Equal(1, second.ExitCode);
        Assert.Contains($"is in use by `serve` (process {first.Id}", second.ErrorLines.Single(), StringComparison.Ordinal);
        Assert.DoesNotContain("Serving", second.Stdout, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.StartsWith("Added fact 1", added, StringComparison.Ordinal);
    }

    private Task<string> AddFactAsync(BotProcess bot, string statement) =>
        SendAsync(bot, id =>
        {
            var json = InteractionJson.ModalSubmit(id, "facts:add", new Dictionary<string, string>
            {
                ["statement"] = statement,
                ["date"] = "2024-05",
                ["topic"] = "territory",
                ["source"] = "https://example.org/tavush",
            });
            json["member"]!["permissions"] = "32";
            return json;
        });

    private Task<string> CommandAsync(BotProcess bot, string name, JsonArray options) =>
        SendAsync(bot, id => InteractionJson.Command(id, name, options, permissions: "32"));

    /// <summary>Sends a signed interaction as Discord does; the bot's answer comes back in the HTTP response.</summary>
    private async Task<string> SendAsync(BotProcess bot, Func<ulong, JsonObject> interaction)
    {
        var body = interaction(++_nextInteraction).ToJsonString();
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = SignatureAlgorithm.Ed25519.Sign(_key, Encoding.UTF8.GetBytes(timestamp + body));
        using var request = new HttpRequestMessage(HttpMethod.Post, bot.Endpoint) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Signature-Ed25519", Convert.ToHexString(signature).ToLowerInvariant());
        request.Headers.Add("X-Signature-Timestamp", timestamp);
        using var response = await _http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["data"]!["content"]!.GetValue<string>();
    }

    private static JsonArray Sub(string name, params JsonObject[] options) =>
        new(new JsonObject { ["name"] = name, ["type"] = 1, ["options"] = new JsonArray(options) });

    private static JsonObject Int(string name, int value) => new() { ["name"] = name, ["type"] = 4, ["value"] = value };

    private static JsonObject Text(string name, string value) => new() { ["name"] = name, ["type"] = 3, ["value"] = value };
}

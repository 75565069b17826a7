using System.Text.Json.Nodes;

namespace BackgroundBot.Testing.FakeDiscord;

/// <summary>A gateway session on the fake: its events, numbered, kept so a RESUME can replay the ones the bot missed.</summary>
public sealed class FakeSession(string id)
{
    public string Id { get; } = id;
    public bool Valid { get; set; } = true;
    public int Seq { get; set; }
    public List<(int Seq, string Type, JsonNode Data)> Events { get; } = [];
}

using System.Text.Json.Nodes;

namespace BackgroundBot.Testing.FakeDiscord;

/// <summary>A gateway payload the fake received from the bot, on which connection, and its size in bytes.</summary>
public sealed record ReceivedFrame(int Connection, int Op, JsonNode? D, int Bytes);

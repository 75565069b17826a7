namespace BackgroundBot.Testing.FakeDiscord;

/// <summary>A file the bot uploaded with a message (a <c>files[n]</c> part of a multipart request), as Discord stores it.</summary>
public sealed record FakeAttachment(string Id, string FileName, string? ContentType, byte[] Content)
{
    public string Text => System.Text.Encoding.UTF8.GetString(Content);
}

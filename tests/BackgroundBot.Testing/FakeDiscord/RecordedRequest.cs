namespace BackgroundBot.Testing.FakeDiscord;

/// <summary>
/// A REST request the fake Discord received, and the status it answered with (0: held by a delay fault, not answered yet).
/// For a multipart request, <see cref="Body"/> is its <c>payload_json</c> part and <see cref="Files"/> its files.
/// </summary>
public sealed record RecordedRequest(int Index, string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body, int AnsweredWith)
{
    public IReadOnlyList<FakeAttachment> Files { get; init; } = [];

    public string? Header(string name) => Headers.TryGetValue(name, out var v) ? v : null;
}

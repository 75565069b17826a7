namespace BackgroundBot.Knowledge.Import;

/// <summary>Metadata given on the command line (or by a moderator); each set value overrides the file's headers.</summary>
public sealed record ArticleMetadata(string? Title = null, string? Url = null, DateOnly? Published = null, string? Publisher = null);

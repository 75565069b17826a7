namespace BackgroundBot.Timeline;

/// <summary>One dated event on the timeline: a curated fact with its date (or period) and source.</summary>
public sealed record TimelineEntry(string Date, string? DateEnd, string Topic, string Statement, int FactId, string SourceTitle, string? SourceUrl);

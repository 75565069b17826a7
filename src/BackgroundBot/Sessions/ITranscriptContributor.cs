namespace BackgroundBot.Sessions;

/// <summary>
/// Adds sections to a session's transcript. Features that run inside a session (quizzes) register one with
/// <c>services.AddSingleton&lt;ITranscriptContributor, …&gt;()</c>; their sections follow the questions, before the sources,
/// in the Markdown file and in the JSON export.
/// </summary>
public interface ITranscriptContributor
{
    IReadOnlyList<TranscriptSection> SectionsFor(Session session);
}

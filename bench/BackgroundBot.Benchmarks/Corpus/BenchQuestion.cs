namespace BackgroundBot.Benchmarks.Corpus;

/// <summary>A question and the passage (index into <see cref="SyntheticCorpus.Passages"/>) that answers it.</summary>
public sealed record BenchQuestion(string Text, int AnswerPassage, string AnswerSentence, bool UsesOtherName);

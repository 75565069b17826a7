namespace BackgroundBot.Answering;

/// <summary>One part of a question ("what was the Bishkek Protocol" / "who signed it"), with what it asks for.</summary>
public sealed record QuestionPart(string Text, AnswerNeed Need);

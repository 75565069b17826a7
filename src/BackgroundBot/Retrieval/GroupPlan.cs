namespace BackgroundBot.Retrieval;

/// <summary>
/// One query group ready to score: its live terms' posting lists in the query's order, the alternative each belongs
/// to, their IDFs, how far each list has been read (scoring goes block by block through the documents), and for
/// long lists a table of scores by frequency and length.
/// </summary>
internal sealed record GroupPlan(PostingList[] Lists, double[] Idfs, int[] AlternativeOf, int[] Positions, double Weight, TermScoreTable?[] Tables);

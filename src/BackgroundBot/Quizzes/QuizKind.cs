namespace BackgroundBot.Quizzes;

/// <summary>What a quiz question asks about its fact; its options are all of this kind.</summary>
public enum QuizKind
{
    /// <summary>The year of the fact's date (for a period, the year it began).</summary>
    Date,

    /// <summary>A place the statement names.</summary>
    Place,

    /// <summary>A party the statement names: a state, a side, a mediator or an organisation.</summary>
    Party,

    /// <summary>A number the statement gives (casualties, days, people).</summary>
    Number,
}

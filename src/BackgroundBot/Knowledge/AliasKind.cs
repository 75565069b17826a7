namespace BackgroundBot.Knowledge;

public enum AliasKind
{
    Place,
    Party,
    Organisation,

    /// <summary>Words and phrases that mean the same in questions ("captured", "taken"); retrieval only.</summary>
    Term,
}

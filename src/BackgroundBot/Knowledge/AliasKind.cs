namespace BackgroundBot.Knowledge;

public enum AliasKind
{
    Place,
    Party,
    Organisation,
}

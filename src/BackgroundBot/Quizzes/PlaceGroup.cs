namespace BackgroundBot.Quizzes;

/// <summary>One place under all its names, and how a quiz option shows it (both names where both are in use).</summary>
public sealed record PlaceGroup(IReadOnlyList<string> Names, string Display)
{
    public bool Equals(PlaceGroup? other) => other is not null && Display == other.Display;

    public override int GetHashCode() => Display.GetHashCode(StringComparison.Ordinal);
}

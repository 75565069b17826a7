namespace BackgroundBot.Knowledge;

public enum FactStatus
{
    Active,

    /// <summary>Retracted with a reason; never cited again.</summary>
    Retracted,
}

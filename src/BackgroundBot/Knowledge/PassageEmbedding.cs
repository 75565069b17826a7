namespace BackgroundBot.Knowledge;

/// <summary>
/// A passage's embedding under one model. The model is stored with the vector so that a change of model is
/// noticed and recomputed by a command, never silently mixed with the old vectors.
/// </summary>
public sealed record PassageEmbedding
{
    /// <summary>The passage id.</summary>
    public int Id { get; init; }

    public required string Model { get; init; }

    public required float[] Vector { get; init; }
}

using BackgroundBot.Knowledge;

namespace BackgroundBot.Moderation;

/// <summary>A gap as moderators see it: whether the store now answers it (after an import or a new fact).</summary>
public sealed record GapStatus(Gap Gap, bool CoveredNow);

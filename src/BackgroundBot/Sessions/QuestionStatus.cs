namespace BackgroundBot.Sessions;

/// <summary>Where a queued question stands.</summary>
public enum QuestionStatus
{
    /// <summary>Waiting for the educator's approval (approval mode); shown to nobody but the hosts.</summary>
    Pending,

    /// <summary>In the queue, visible, open to votes.</summary>
    Open,

    Answered,

    /// <summary>Passed over by the educator; listed with the unanswered ones.</summary>
    Skipped,

    /// <summary>Not approved; never shown.</summary>
    Rejected,

    /// <summary>Merged into a duplicate (<see cref="SessionQuestion.MergedInto"/>), which carries its votes.</summary>
    Merged,
}

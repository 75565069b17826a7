using BackgroundBot.Storage;

namespace BackgroundBot.Community;

/// <summary>Community's writes inside one transaction: answers given in chat and members' votes on them.</summary>
public interface ICommunityWrites : IStoreTransaction
{
    AnswerRecord InsertAnswer(AnswerRecord answer);

    void UpdateAnswer(AnswerRecord answer);

    /// <summary>Records a member's vote, replacing their earlier one on the same answer.</summary>
    void PutFeedback(AnswerFeedback feedback);
}

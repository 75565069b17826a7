using System.ComponentModel.DataAnnotations;

namespace BackgroundBot.Moderation;

/// <summary>
/// How many suggestions and reports one member may send, bound from the <c>Community</c> section (where members meet
/// the limit; the settings kept their names when the review queue's own options moved here).
/// </summary>
public sealed class SubmissionOptions
{
    public const string Section = "Community";

    /// <summary>
    /// Suggestions (<c>/suggest</c>) and "Report a problem" reports one member may send, together, per
    /// <see cref="SubmissionWindow"/>; more get a private "try again in N minutes" and reach no moderator. Defaults to 3.
    /// </summary>
    [Range(1, 1000)]
    public int SubmissionsPerMember { get; set; } = 3;

    /// <summary>The window of <see cref="SubmissionsPerMember"/>. Defaults to 10 minutes.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00", ErrorMessage = "Community:SubmissionWindow must be between 1 second and 7 days.")]
    public TimeSpan SubmissionWindow { get; set; } = TimeSpan.FromMinutes(10);
}

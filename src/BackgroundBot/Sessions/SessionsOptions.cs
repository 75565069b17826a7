using System.ComponentModel.DataAnnotations;

namespace BackgroundBot.Sessions;

/// <summary>Educators' live Q&amp;A sessions, bound from the <c>Sessions</c> section.</summary>
public sealed class SessionsOptions : IValidatableObject
{
    public const string Section = "Sessions";

    /// <summary>How long a session runs when <c>/session start</c> gives no duration. Defaults to 1 hour.</summary>
    public TimeSpan DefaultDuration { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The longest duration an educator may give. Defaults to 8 hours.</summary>
    public TimeSpan MaxDuration { get; set; } = TimeSpan.FromHours(8);

    /// <summary>
    /// How often each instance looks for sessions whose time ran out (a session started on another instance, say); a
    /// session started here is closed at its end time. Defaults to 1 minute.
    /// </summary>
    public TimeSpan CheckEvery { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How alike two questions' words must be (0 to 1, shared terms over all terms after stemming and dropping question words)
    /// to be offered to the educator for merging. Defaults to 0.6.
    /// </summary>
    [Range(0.1, 1.0)]
    public double DuplicateSimilarity { get; set; } = 0.6;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (DefaultDuration <= TimeSpan.Zero || MaxDuration <= TimeSpan.Zero || DefaultDuration > MaxDuration)
        {
            yield return new ValidationResult(
                $"Sessions:DefaultDuration ({DefaultDuration}) must be positive and at most Sessions:MaxDuration ({MaxDuration}).",
                [nameof(DefaultDuration), nameof(MaxDuration)]);
        }

        if (CheckEvery < TimeSpan.FromSeconds(1))
        {
            yield return new ValidationResult($"Sessions:CheckEvery ({CheckEvery}) must be at least 1 second.", [nameof(CheckEvery)]);
        }
    }
}

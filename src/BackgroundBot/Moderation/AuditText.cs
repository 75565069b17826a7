using System.Globalization;
using BackgroundBot.Knowledge;

namespace BackgroundBot.Moderation;

/// <summary>An audit entry as one line, and in full with before and after.</summary>
public static class AuditText
{
    public static string Line(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return string.Create(CultureInfo.InvariantCulture, $"#{entry.Id}\t{entry.At:yyyy-MM-dd HH:mm:ss}Z\t{entry.Actor}\t{entry.Action}\t{entry.Subject}");
    }

    public static string Full(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return $"{Line(entry)}\nbefore: {entry.Before ?? "(none)"}\nafter:  {entry.After ?? "(none)"}";
    }
}

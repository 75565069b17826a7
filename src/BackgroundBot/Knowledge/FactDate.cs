using System.Text.RegularExpressions;

namespace BackgroundBot.Knowledge;

/// <summary>The date forms facts and sources use: <c>YYYY</c>, <c>YYYY-MM</c> or <c>YYYY-MM-DD</c>, each a real date.</summary>
public static partial class FactDate
{
    public static bool IsValid(string? value)
    {
        if (value is null || !Form().IsMatch(value))
        {
            return false;
        }

        var parts = value.Split('-');
        var month = parts.Length > 1 ? int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture) : 1;
        var day = parts.Length > 2 ? int.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture) : 1;
        return month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture), month);
    }

    [GeneratedRegex(@"^\d{4}(-\d{2}(-\d{2})?)?$")]
    private static partial Regex Form();
}

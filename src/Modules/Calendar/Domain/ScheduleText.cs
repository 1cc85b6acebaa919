using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace TalentPass.Modules.Calendar.Domain;

/// <summary>One special day as given by the talent office, with where it came from (for error messages).</summary>
internal sealed record ScheduleEntry(DateOnly Date, string Kind, string Name);

/// <summary>One line or array element before expansion: a date or a date range, a kind and a name.</summary>
internal sealed record ScheduleItem(string Where, DateOnly From, DateOnly To, string Kind, string Name);

/// <summary>
/// The schedule format for loading a year (docs: module README): one line per holiday period or make-up day,
/// <c>date[..date] kind name</c>, separated by spaces, tabs or commas; <c>#</c> starts a comment. Kinds:
/// <c>holiday</c> (or 休) and <c>workday</c> (or workday_makeup, 班). Example:
/// <code>
/// 2026-10-01..2026-10-07 holiday 国庆节 National Day
/// 2026-10-10 workday 国庆节 National Day
/// </code>
/// </summary>
internal static class ScheduleText
{
    public const int MaxItems = 400;
    public const int MaxNameLength = 60;

    /// <summary>Parses the text; returns the items or per-line errors (keys <c>line N</c>).</summary>
    public static (IReadOnlyList<ScheduleItem> Items, Dictionary<string, string[]> Errors) Parse(string? text)
    {
        var items = new List<ScheduleItem>();
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var lines = (text ?? string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim().TrimStart('\uFEFF');
            var hash = line.IndexOf('#', StringComparison.Ordinal);
            if (hash >= 0)
            {
                line = line[..hash].Trim();
            }

            if (line.Length == 0)
            {
                continue;
            }

            var where = $"line {i + 1}";
            var parts = SplitFields(line);
            if (parts.Count < 3)
            {
                errors[where] = ["每行应为：日期 类别 名称 / Each line is: date kind name."];
                continue;
            }

            if (!TryParseRange(parts[0], out var from, out var to))
            {
                errors[where] = [$"日期“{parts[0]}”无效，应为 YYYY-MM-DD 或 YYYY-MM-DD..YYYY-MM-DD / Invalid date '{parts[0]}' (YYYY-MM-DD or YYYY-MM-DD..YYYY-MM-DD)."];
                continue;
            }

            var kind = NormaliseKind(parts[1]);
            if (kind is null)
            {
                errors[where] = [$"类别“{parts[1]}”无效，应为 holiday 或 workday / Unknown kind '{parts[1]}' (holiday or workday)."];
                continue;
            }

            items.Add(new ScheduleItem(where, from, to, kind, parts[2]));
        }

        return (items, errors);
    }

    /// <summary>Kinds as written by people: holiday/休, workday/workday_makeup/班.</summary>
    public static string? NormaliseKind(string? kind) => kind?.Trim().ToLowerInvariant() switch
    {
        "holiday" or "休" => DayKind.Holiday,
        "workday" or "workday_makeup" or "makeup" or "班" => DayKind.WorkdayMakeup,
        _ => null,
    };

    /// <summary>
    /// Checks the items of one year: dates inside the year, start ≤ end, names given, no day twice (so no holiday is
    /// also a make-up day), make-up days on a Saturday or Sunday, at least one holiday.
    /// </summary>
    public static (IReadOnlyList<ScheduleEntry> Days, Dictionary<string, string[]> Errors) Validate(int year, IReadOnlyList<ScheduleItem> items, Dictionary<string, string[]>? errors = null)
    {
        ArgumentNullException.ThrowIfNull(items);
        errors ??= new Dictionary<string, string[]>(StringComparer.Ordinal);
        var seen = new Dictionary<DateOnly, string>();
        var days = new List<ScheduleEntry>();
        if (items.Count > MaxItems)
        {
            errors["schedule"] = [$"最多{MaxItems}行 / At most {MaxItems} entries."];
            return (days, errors);
        }

        foreach (var item in items)
        {
            var problems = new List<string>();
            var name = item.Name.Trim();
            if (name.Length == 0 || name.Length > MaxNameLength)
            {
                problems.Add($"名称必填，最多{MaxNameLength}个字符 / A name of at most {MaxNameLength} characters is required.");
            }

            if (item.To < item.From)
            {
                problems.Add("结束日期早于开始日期 / The range ends before it starts.");
            }
            else if (item.From.Year != year || item.To.Year != year)
            {
                problems.Add($"日期不在{year}年内 / The dates are not in {year}.");
            }
            else
            {
                for (var day = item.From; day <= item.To; day = day.AddDays(1))
                {
                    if (seen.TryGetValue(day, out var first))
                    {
                        problems.Add($"{Iso(day)} 已在 {first} 中出现 / {Iso(day)} is already given at {first}.");
                        continue;
                    }

                    if (item.Kind == DayKind.WorkdayMakeup && day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
                    {
                        problems.Add($"调休上班日 {Iso(day)} 不是周末 / The make-up working day {Iso(day)} is not a Saturday or Sunday.");
                        continue;
                    }

                    seen[day] = item.Where;
                    days.Add(new ScheduleEntry(day, item.Kind, name));
                }
            }

            if (problems.Count > 0)
            {
                errors[item.Where] = [.. problems];
            }
        }

        if (errors.Count == 0 && !days.Any(d => d.Kind == DayKind.Holiday))
        {
            errors["schedule"] = ["至少应有一个节假日 / At least one holiday is expected."];
        }

        days.Sort((a, b) => a.Date.CompareTo(b.Date));
        return (days, errors);
    }

    /// <summary>The canonical text of a year's days (sorted, one <c>date\tkind\tname</c> line each); its SHA-256 is the checksum.</summary>
    public static string Canonical(IEnumerable<ScheduleEntry> days) =>
        string.Concat(days.OrderBy(d => d.Date).Select(d => $"{Iso(d.Date)}\t{d.Kind}\t{d.Name}\n"));

    public static string Checksum(IEnumerable<ScheduleEntry> days) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Canonical(days))));

    /// <summary>Writes days in the loading format, consecutive days of one kind and name as a range (parses back to the same days).</summary>
    public static string Format(IEnumerable<ScheduleEntry> days)
    {
        var sb = new StringBuilder();
        var sorted = days.OrderBy(d => d.Date).ToList();
        for (var i = 0; i < sorted.Count;)
        {
            var j = i;
            while (j + 1 < sorted.Count && sorted[j + 1].Date == sorted[j].Date.AddDays(1) && sorted[j + 1].Kind == sorted[i].Kind && sorted[j + 1].Name == sorted[i].Name)
            {
                j++;
            }

            var range = i == j ? Iso(sorted[i].Date) : $"{Iso(sorted[i].Date)}..{Iso(sorted[j].Date)}";
            var kind = sorted[i].Kind == DayKind.Holiday ? "holiday" : "workday";
            sb.Append(CultureInfo.InvariantCulture, $"{range} {kind} {sorted[i].Name}\n");
            i = j + 1;
        }

        return sb.ToString();
    }

    public static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static bool TryParseDate(string? text, out DateOnly day) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);

    private static bool TryParseRange(string text, out DateOnly from, out DateOnly to)
    {
        var dots = text.IndexOf("..", StringComparison.Ordinal);
        if (dots < 0)
        {
            var ok = TryParseDate(text, out from);
            to = from;
            return ok;
        }

        to = default;
        return TryParseDate(text[..dots], out from) && TryParseDate(text[(dots + 2)..], out to);
    }

    /// <summary>Splits "date kind name with spaces" on commas/tabs if present, otherwise on the first two runs of spaces.</summary>
    private static List<string> SplitFields(string line)
    {
        char[] separators = line.Contains(',', StringComparison.Ordinal) ? [','] : line.Contains('\t', StringComparison.Ordinal) ? ['\t'] : [' '];
        var parts = line.Split(separators, 3, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        if (parts.Count == 3 && separators[0] == ' ')
        {
            parts[2] = parts[2].Trim();
        }

        return parts;
    }
}

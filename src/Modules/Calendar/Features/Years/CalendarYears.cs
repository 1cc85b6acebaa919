using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TalentPass.Infrastructure.Http;
using TalentPass.Modules.Audit.Contracts;
using TalentPass.Modules.Calendar.Domain;
using TalentPass.Modules.Calendar.Features.WorkingDays;
using TalentPass.Modules.Calendar.Persistence;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Calendar.Features.Years;

internal sealed record YearSummary(int Year, DateTimeOffset LoadedAt, string Source, string Checksum, int Revision, int Holidays, int MakeupWorkdays);

internal sealed record DayView(DateOnly Date, string Kind, string Name);

internal sealed record YearView(int Year, DateTimeOffset LoadedAt, string Source, string Checksum, int Revision, IReadOnlyList<DayView> Days);

internal sealed record DayInput
{
    public string? Date { get; init; }

    public string? Kind { get; init; }

    public string? Name { get; init; }
}

/// <summary>
/// Loads a year: either <see cref="Days"/> (one element per special day) or <see cref="Schedule"/> (the text format of
/// <see cref="ScheduleText"/>). Replacing an already loaded year needs <see cref="Replace"/> and a <see cref="Reason"/>.
/// </summary>
internal sealed record LoadYearRequest
{
    [Required(ErrorMessage = "必填 / Required.")]
    [StringLength(300, ErrorMessage = "最多300个字符 / At most 300 characters.")]
    public string? Source { get; init; }

    [StringLength(20_000, ErrorMessage = "最多20000个字符 / At most 20,000 characters.")]
    public string? Schedule { get; init; }

    public IReadOnlyList<DayInput>? Days { get; init; }

    public bool Replace { get; init; }

    [StringLength(500, ErrorMessage = "最多500个字符 / At most 500 characters.")]
    public string? Reason { get; init; }

    /// <summary>When replacing: the revision the caller saw (optional; a mismatch is a conflict).</summary>
    public int? ExpectedRevision { get; init; }
}

/// <summary>What changed when a year was replaced (dates added, removed or changed kind/name).</summary>
internal sealed record ScheduleChanges(IReadOnlyList<DateOnly> Added, IReadOnlyList<DateOnly> Removed, IReadOnlyList<DateOnly> Changed);

internal sealed record YearLoaded(int Year, int Revision, string Checksum, int Holidays, int MakeupWorkdays, bool Replaced, ScheduleChanges? Changes);

/// <summary>Lists, reads and loads the yearly schedules (loading: talent office only, audited).</summary>
internal sealed class CalendarYears(CalendarDbContext db, CalendarCache cache, ICurrentUser user, IAuditTrail audit, TimeProvider clock)
{
    public const int MinYear = 2000;
    public const int MaxYear = 2100;

    public async Task<IReadOnlyList<YearSummary>> ListAsync(CancellationToken ct)
    {
        var years = await db.Years.AsNoTracking().OrderBy(y => y.Year).ToListAsync(ct);
        var counts = await db.Days.AsNoTracking()
            .GroupBy(d => new { d.Year, d.Kind })
            .Select(g => new { g.Key.Year, g.Key.Kind, Count = g.Count() })
            .ToListAsync(ct);
        return years.Select(y => new YearSummary(
            y.Year, y.LoadedAt, y.Source, y.Checksum, y.Revision,
            counts.Where(c => c.Year == y.Year && c.Kind == DayKind.Holiday).Sum(c => c.Count),
            counts.Where(c => c.Year == y.Year && c.Kind == DayKind.WorkdayMakeup).Sum(c => c.Count))).ToList();
    }

    public async Task<Result<YearView>> GetAsync(int year, CancellationToken ct)
    {
        if (year is < MinYear or > MaxYear)
        {
            return CalendarErrors.YearInvalid;
        }

        var row = await db.Years.AsNoTracking().SingleOrDefaultAsync(y => y.Year == year, ct);
        if (row is null)
        {
            return CalendarErrors.YearNotFound;
        }

        var days = await db.Days.AsNoTracking().Where(d => d.Year == year).OrderBy(d => d.Date).ToListAsync(ct);
        return new YearView(row.Year, row.LoadedAt, row.Source, row.Checksum, row.Revision, days.Select(d => new DayView(d.Date, d.Kind, d.Name)).ToList());
    }

    public async Task<Result<YearLoaded>> LoadAsync(int year, LoadYearRequest request, CancellationToken ct)
    {
        if (year is < MinYear or > MaxYear)
        {
            return CalendarErrors.YearInvalid;
        }

        if (RequestValidation.Validate(request, "calendar.request_invalid") is { } invalid)
        {
            return invalid;
        }

        if (string.IsNullOrWhiteSpace(request.Source))
        {
            return CalendarErrors.SourceRequired;
        }

        if (request.Replace && string.IsNullOrWhiteSpace(request.Reason))
        {
            return CalendarErrors.ReasonRequired;
        }

        var parsed = Parse(year, request);
        if (!parsed.IsSuccess)
        {
            return parsed.Error;
        }

        var days = parsed.Value;
        var checksum = ScheduleText.Checksum(days);
        var now = clock.GetUtcNow();
        var actor = user.AccountId?.ToString() ?? "system";
        var existing = await db.Years.SingleOrDefaultAsync(y => y.Year == year, ct);
        ScheduleChanges? changes = null;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (existing is null)
        {
            if (request.Replace)
            {
                return CalendarErrors.YearNotFound;
            }

            existing = new CalendarYear { Year = year, Revision = 1 };
            db.Years.Add(existing);
        }
        else
        {
            if (!request.Replace)
            {
                return CalendarErrors.YearAlreadyLoaded;
            }

            if (request.ExpectedRevision is { } expected && expected != existing.Revision)
            {
                return CalendarErrors.VersionConflict;
            }

            var old = await db.Days.Where(d => d.Year == year).ToListAsync(ct);
            changes = Diff(old.Select(d => new ScheduleEntry(d.Date, d.Kind, d.Name)).ToList(), days);
            db.Days.RemoveRange(old);
            existing.Revision++;
        }

        existing.LoadedAt = now;
        existing.Source = request.Source.Trim();
        existing.Checksum = checksum;
        existing.LoadedBy = actor;
        db.Days.AddRange(days.Select(d => new CalendarDay { Date = d.Date, Year = year, Kind = d.Kind, Name = d.Name }));
        try
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return CalendarErrors.VersionConflict;
        }
        catch (DbUpdateException) when (!request.Replace)
        {
            // Two first loads of the same year at once: the primary key lets one win.
            return CalendarErrors.YearAlreadyLoaded;
        }

        cache.Invalidate();
        var holidays = days.Count(d => d.Kind == DayKind.Holiday);
        var makeups = days.Count - holidays;
        var detail = changes is null
            ? string.Create(CultureInfo.InvariantCulture, $"year {year} loaded: {holidays} holidays, {makeups} make-up working days; checksum {checksum}; source {existing.Source}")
            : string.Create(CultureInfo.InvariantCulture, $"year {year} replaced (revision {existing.Revision}): {changes.Added.Count} days added, {changes.Removed.Count} removed, {changes.Changed.Count} changed; checksum {checksum}; source {existing.Source}; reason: {request.Reason!.Trim()}");
        await audit.RecordAsync(new AuditRecord(changes is null ? "calendar.year_loaded" : "calendar.year_replaced", "calendar_year", year.ToString(CultureInfo.InvariantCulture), detail), ct);
        return new YearLoaded(year, existing.Revision, checksum, holidays, makeups, changes is not null, changes);
    }

    private static Result<List<ScheduleEntry>> Parse(int year, LoadYearRequest request)
    {
        IReadOnlyList<ScheduleItem> items;
        Dictionary<string, string[]> errors;
        if (request.Days is { Count: > 0 } given)
        {
            var list = new List<ScheduleItem>();
            errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
            for (var i = 0; i < given.Count; i++)
            {
                var where = $"days[{i}]";
                var kind = ScheduleText.NormaliseKind(given[i].Kind);
                if (!ScheduleText.TryParseDate(given[i].Date, out var date))
                {
                    errors[where] = ["日期应为 YYYY-MM-DD / The date is written YYYY-MM-DD."];
                }
                else if (kind is null)
                {
                    errors[where] = ["类别应为 holiday 或 workday / The kind is holiday or workday."];
                }
                else
                {
                    list.Add(new ScheduleItem(where, date, date, kind, given[i].Name ?? string.Empty));
                }
            }

            items = list;
        }
        else
        {
            (items, errors) = ScheduleText.Parse(request.Schedule);
        }

        if (items.Count == 0 && errors.Count == 0)
        {
            errors["schedule"] = ["请提供节假日安排 / The schedule is empty."];
        }

        var (days, all) = ScheduleText.Validate(year, items, errors);
        return all.Count > 0 ? CalendarErrors.ScheduleInvalid(all) : days.ToList();
    }

    private static ScheduleChanges Diff(IReadOnlyList<ScheduleEntry> before, IReadOnlyList<ScheduleEntry> after)
    {
        var old = before.ToDictionary(d => d.Date);
        var now = after.ToDictionary(d => d.Date);
        return new ScheduleChanges(
            now.Keys.Where(d => !old.ContainsKey(d)).Order().ToList(),
            old.Keys.Where(d => !now.ContainsKey(d)).Order().ToList(),
            now.Values.Where(d => old.TryGetValue(d.Date, out var o) && (o.Kind != d.Kind || o.Name != d.Name)).Select(d => d.Date).Order().ToList());
    }
}

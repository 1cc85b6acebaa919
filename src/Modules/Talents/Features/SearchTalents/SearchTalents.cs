using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using TalentPass.Infrastructure.Http;
using TalentPass.Modules.Talents.Domain;
using TalentPass.Modules.Talents.Features.Access;
using TalentPass.Modules.Talents.Persistence;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Talents.Features.SearchTalents;

internal sealed record TalentSearch(string? Name, string? IdSuffix, string? Level, string? Employer, string? Status, int Page = 1, int Size = PageRequest.DefaultSize);

/// <summary>A row of the registry list: projection only, nothing decrypted (the ID number is pre-masked).</summary>
internal sealed record TalentListItem(
    Guid Id,
    string Name,
    string Gender,
    string IdNumber,
    string Level,
    string Category,
    string Status,
    string? EmployerName);

/// <summary>
/// Staff search of the registry: name prefix, exact ID suffix (last 4), level, employer-name prefix, status;
/// ordered by name then id; the total is counted through a LIMITed sub-query and capped at
/// <see cref="Page{T}.TotalCap"/>. Every filter has a matching index (see the migration), so the query stays
/// fast at a million talents. Prefixes are searched as ranges [p, p + U+10FFFF) in code-point order (BINARY on
/// SQLite, COLLATE "C" on PostgreSQL) so the b-tree is used.
/// </summary>
internal sealed class SearchTalentsHandler(TalentsDbContext db, TalentAccess access)
{
    private const string MaxCodePoint = "\U0010FFFF";

    public async Task<Result<Page<TalentListItem>>> HandleAsync(TalentSearch search, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(search);
        if (!access.CanReadRegistry)
        {
            return Error.Forbidden("auth.forbidden", "Not allowed.");
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        string? level = null, status = null, suffix = null;
        if (!string.IsNullOrWhiteSpace(search.Level) && (level = TalentLevel.Normalise(search.Level)) is null)
        {
            errors["level"] = ["a, b, c, d, e, youth, social, reserve"];
        }

        if (!string.IsNullOrWhiteSpace(search.Status) && (status = TalentStatus.Normalise(search.Status)) is null)
        {
            errors["status"] = ["active, suspended, terminated"];
        }

        if (!string.IsNullOrWhiteSpace(search.IdSuffix))
        {
            suffix = search.IdSuffix.Trim().ToUpperInvariant();
            if (!IsIdSuffix(suffix))
            {
                errors["idSuffix"] = ["身份证号码后4位 / The last 4 characters of the ID number."];
            }
        }

        var name = NullIfEmpty(search.Name);
        var employer = NullIfEmpty(search.Employer);
        if (name?.Length > 50)
        {
            errors["name"] = ["最多50个字符 / At most 50 characters."];
        }

        if (employer?.Length > 100)
        {
            errors["employer"] = ["最多100个字符 / At most 100 characters."];
        }

        if (errors.Count > 0)
        {
            return Error.Validation("request.invalid", string.Join(" ", errors.Select(e => $"{e.Key}: {e.Value[0]}")), errors);
        }

        var filters = new Filters(name, suffix, level, status, employer);
        var scoped = access.Scope(db.Talents.AsNoTracking());
        var sqlite = !db.IsPostgres;
        var cap = (int)Page<TalentListItem>.TotalCap;

        // Count first (capped), through the index most likely to be selective; then list through an index that
        // returns rows in name order when the matches are dense, or through the selective one (and sort the few
        // rows) when they are sparse. PostgreSQL plans this itself from its statistics; SQLite, without
        // statistics, is told which index to use (see Apply).
        var countDriver = CountDriver(filters);
        if (sqlite && countDriver == Driver.Employer && (level is not null || status is not null || name is not null)
            && await Apply(scoped, filters with { Name = null, Level = null, Status = null }, Driver.Employer, sqlite).Select(t => t.Id).Take(EmployerProbe).CountAsync(ct) >= EmployerProbe)
        {
            countDriver = OrderedDriver(filters); // a broad employer prefix: the other filters are more selective
        }

        var counted = await Apply(scoped, filters, countDriver, sqlite).Select(t => t.Id).Take(cap + 1).CountAsync(ct);
        var listDriver = counted > SparseLimit ? OrderedDriver(filters) : countDriver;
        var paging = new PageRequest(search.Page, search.Size);
        var items = await Apply(scoped, filters, listDriver, sqlite)
            .OrderBy(t => t.Name).ThenBy(t => t.Id)
            .Skip(paging.Skip).Take(paging.SafeSize)
            .Select(t => new TalentListItem(t.Id, t.Name, t.Gender, t.IdMasked, t.Level, t.Category, t.Status, t.EmployerName))
            .ToListAsync(ct);
        var capped = counted > cap;
        return new Page<TalentListItem>(items, paging.SafePage, paging.SafeSize, capped ? cap : counted, capped);
    }

    private const int SparseLimit = 2_000;
    private const int EmployerProbe = 20_000;

    private enum Driver
    {
        Name,
        Suffix,
        Employer,
        Level,
        Status,
    }

    private sealed record Filters(string? Name, string? Suffix, string? Level, string? Status, string? Employer);

    /// <summary>The index for counting: the exact suffix, else the employer prefix, else level/status/name.</summary>
    private static Driver CountDriver(Filters f) =>
        f.Suffix is not null ? Driver.Suffix : f.Employer is not null ? Driver.Employer : OrderedDriver(f);

    /// <summary>An index that yields rows in name order: (level[, status], name), (status, name) or (name).</summary>
    private static Driver OrderedDriver(Filters f) =>
        f.Suffix is not null ? Driver.Suffix : f.Level is not null ? Driver.Level : f.Status is not null ? Driver.Status : Driver.Name;

    /// <summary>
    /// Applies the filters. On SQLite a column that must not drive the plan is compared as <c>column || ''</c>,
    /// which SQLite cannot look up in an index (the classic "unary plus" hint), so the chosen driver's index is used.
    /// </summary>
    private static IQueryable<Talent> Apply(IQueryable<Talent> query, Filters f, Driver driver, bool sqlite)
    {
        bool Bare(params Driver[] drivers) => !sqlite || drivers.Contains(driver);
        if (f.Suffix is { } suffix)
        {
            query = Bare(Driver.Suffix) ? query.Where(t => t.IdSuffix == suffix) : query.Where(t => t.IdSuffix + "" == suffix);
        }

        if (f.Name is { } name)
        {
            var upper = name + MaxCodePoint;
            query = Bare(Driver.Name, Driver.Level, Driver.Status)
                ? query.Where(t => string.Compare(t.Name, name) >= 0 && string.Compare(t.Name, upper) < 0)
                : query.Where(t => string.Compare(t.Name + "", name) >= 0 && string.Compare(t.Name + "", upper) < 0);
        }

        if (f.Level is { } level)
        {
            query = Bare(Driver.Level) ? query.Where(t => t.Level == level) : query.Where(t => t.Level + "" == level);
        }

        if (f.Status is { } status)
        {
            query = Bare(Driver.Level, Driver.Status) ? query.Where(t => t.Status == status) : query.Where(t => t.Status + "" == status);
        }

        if (f.Employer is { } employer)
        {
            var upper = employer + MaxCodePoint;
            query = Bare(Driver.Employer)
                ? query.Where(t => t.EmployerName != null && string.Compare(t.EmployerName, employer) >= 0 && string.Compare(t.EmployerName, upper) < 0)
                : query.Where(t => t.EmployerName != null && string.Compare(t.EmployerName + "", employer) >= 0 && string.Compare(t.EmployerName + "", upper) < 0);
        }

        return query;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>Four characters: three digits and a digit or X (the end of a GB 11643 number).</summary>
    public static bool IsIdSuffix(string value) =>
        value.Length == 4 && char.IsAsciiDigit(value[0]) && char.IsAsciiDigit(value[1]) && char.IsAsciiDigit(value[2])
        && (char.IsAsciiDigit(value[3]) || value[3] is 'X' or 'x');

    public static void Map(RouteGroupBuilder talents)
    {
        talents.MapGet("/", async Task<Results<Ok<Page<TalentListItem>>, ProblemHttpResult>> (
                string? name, string? idSuffix, string? level, string? employer, string? status, int? page, int? size,
                SearchTalentsHandler handler, CancellationToken ct) =>
            {
                var result = await handler.HandleAsync(new TalentSearch(name, idSuffix, level, employer, status, page ?? 1, size ?? PageRequest.DefaultSize), ct);
                return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
            })
            .WithName("SearchTalents")
            .WithSummary("Search the talent registry (staff): name prefix, ID suffix, level, employer prefix, status")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden);
    }
}

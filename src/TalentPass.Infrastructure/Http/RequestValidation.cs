using System.ComponentModel.DataAnnotations;
using TalentPass.SharedKernel;

namespace TalentPass.Infrastructure.Http;

/// <summary>Request-shape validation at the edge with data annotations; business rules live in the domain.</summary>
public static class RequestValidation
{
    /// <summary>Returns null when <paramref name="request"/> is valid, else a validation error with per-field messages.</summary>
    public static Error? Validate<T>(T? request, string code = "request.invalid")
        where T : class
    {
        if (request is null)
        {
            return Error.Validation("request.body_missing", "The request body is missing.");
        }

        var results = new List<ValidationResult>();
        if (Validator.TryValidateObject(request, new ValidationContext(request), results, validateAllProperties: true))
        {
            return null;
        }

        var fields = results
            .SelectMany(r => (r.MemberNames.Any() ? r.MemberNames : [string.Empty]).Select(m => (Member: m, r.ErrorMessage)))
            .GroupBy(x => JsonName(x.Member))
            .ToDictionary(g => g.Key, g => g.Select(x => x.ErrorMessage ?? "Invalid.").ToArray());
        return Error.Validation(code, string.Join(" ", fields.SelectMany(f => f.Value)), fields);
    }

    private static string JsonName(string member) =>
        string.IsNullOrEmpty(member) ? string.Empty : char.ToLowerInvariant(member[0]) + member[1..];
}

using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using TalentPass.SharedKernel;

namespace TalentPass.Infrastructure.Http;

/// <summary>
/// The one place where expected failures become RFC 9457 problem details. Every problem carries the stable
/// machine <c>code</c> as an extension member and as the last segment of <c>type</c>.
/// </summary>
public static class Problems
{
    public const string TypePrefix = "https://talentpass.example/problems/";

    public static int StatusCode(ErrorKind kind) => kind switch
    {
        ErrorKind.Validation => StatusCodes.Status400BadRequest,
        ErrorKind.NotFound => StatusCodes.Status404NotFound,
        ErrorKind.Conflict => StatusCodes.Status409Conflict,
        ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
        ErrorKind.Unauthorized => StatusCodes.Status401Unauthorized,
        ErrorKind.TooManyRequests => StatusCodes.Status429TooManyRequests,
        _ => StatusCodes.Status500InternalServerError,
    };

    public static string Title(ErrorKind kind) => kind switch
    {
        ErrorKind.Validation => "The request is not valid.",
        ErrorKind.NotFound => "Not found.",
        ErrorKind.Conflict => "The request conflicts with the current state.",
        ErrorKind.Forbidden => "Not allowed.",
        ErrorKind.Unauthorized => "Sign-in required.",
        ErrorKind.TooManyRequests => "Too many requests.",
        _ => "Unexpected error.",
    };

    /// <summary>Maps an <see cref="Error"/> to a typed problem result.</summary>
    public static ProblemHttpResult ToProblem(this Error error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var extensions = new Dictionary<string, object?> { ["code"] = error.Code };
        if (error.Fields is { Count: > 0 })
        {
            extensions["errors"] = error.Fields;
        }

        return TypedResults.Problem(
            detail: error.Message,
            statusCode: StatusCode(error.Kind),
            title: Title(error.Kind),
            type: TypePrefix + error.Code,
            extensions: extensions);
    }

    /// <summary>A validation problem for request-shape errors found at the edge.</summary>
    public static ProblemHttpResult Validation(string code, IReadOnlyDictionary<string, string[]> fields, string? message = null) =>
        Error.Validation(code, message ?? string.Join(" ", fields.SelectMany(f => f.Value)), fields).ToProblem();
}

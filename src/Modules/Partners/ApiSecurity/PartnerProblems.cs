using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using TalentPass.Infrastructure.Http;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Partners.ApiSecurity;

/// <summary>Problem results of the partner-API conventions (same shape as <see cref="Problems.ToProblem"/>).</summary>
internal static class PartnerProblems
{
    /// <summary>The authentication or authorization failure of this request, kept for the challenge/forbid answer.</summary>
    public static readonly object FailureItem = new();

    /// <summary>Lower-case hex SHA-256 of the request body, computed once by the scheme handler.</summary>
    public static readonly object BodySha256Item = new();

    public static ProblemHttpResult Unprocessable(Error error) =>
        TypedResults.Problem(
            detail: error.Message,
            statusCode: StatusCodes.Status422UnprocessableEntity,
            title: "The request cannot be processed.",
            type: Problems.TypePrefix + error.Code,
            extensions: new Dictionary<string, object?> { ["code"] = error.Code });

    public static void SetFailure(HttpContext context, Error error) => context.Items[FailureItem] = error;

    public static Error? GetFailure(HttpContext context) => context.Items.TryGetValue(FailureItem, out var e) ? e as Error : null;

    /// <summary>Writes the problem unless a response was already started (another scheme's challenge may have set the status).</summary>
    public static async Task WriteAsync(HttpContext context, Error error)
    {
        if (context.Response.HasStarted)
        {
            return;
        }

        await error.ToProblem().ExecuteAsync(context);
    }
}

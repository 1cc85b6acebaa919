using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace TalentPass.Web.Hosting;

/// <summary>
/// Turns exceptions on API paths into problem details: malformed requests (bad JSON, wrong types) are the
/// client's fault (400 <c>request.malformed</c>); anything else is a bug (500 <c>server.unexpected</c>, logged).
/// </summary>
internal sealed partial class ApiExceptionHandler(IProblemDetailsService problems, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!HostingExtensions.IsApi(httpContext))
        {
            return false;
        }

        ProblemDetails problem;
        if (exception is BadHttpRequestException bad)
        {
            httpContext.Response.StatusCode = bad.StatusCode;
            problem = new ProblemDetails
            {
                Status = bad.StatusCode,
                Title = "The request is malformed.",
                Detail = bad.StatusCode == StatusCodes.Status413PayloadTooLarge
                    ? "The request body is too large."
                    : "The request could not be read: check the JSON syntax and the types of the fields.",
            };
        }
        else
        {
            LogUnhandled(logger, exception);
            httpContext.Response.StatusCode = StatusCodes.Status500InternalServerError;
            problem = new ProblemDetails
            {
                Status = StatusCodes.Status500InternalServerError,
                Title = "Unexpected error.",
                Detail = "Something went wrong on our side. Quote the trace id when you report it.",
            };
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Error, Message = "Unhandled exception on an API request")]
    private static partial void LogUnhandled(ILogger logger, Exception exception);
}

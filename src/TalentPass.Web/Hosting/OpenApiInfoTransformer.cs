using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace TalentPass.Web.Hosting;

internal sealed class OpenApiInfoTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "TalentPass API",
            Version = "v1",
            Description = "Talent code, talent card and one-thing talent services. Errors are RFC 9457 problem details with a stable `code`.",
        };
        return Task.CompletedTask;
    }
}

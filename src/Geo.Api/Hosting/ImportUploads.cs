using Geo.Core.Import;
using Microsoft.AspNetCore.Mvc;

namespace Geo.Api.Hosting;

public static class ImportUploads
{
    /// <summary>
    /// Lets an import endpoint take files up to <see cref="ImportLimits.MaksimumMegabyte"/>, both
    /// as a request body (Kestrel answers 413 above it) and as a multipart form part.
    /// </summary>
    public static RouteHandlerBuilder AcceptsImportUploads(this RouteHandlerBuilder endpoint, IEndpointRouteBuilder app)
    {
        var limit = app.ServiceProvider.GetRequiredService<ImportLimits>().MaximumUploadBytes;
        return endpoint.WithMetadata(new RequestSizeLimitAttribute(limit)).WithFormOptions(multipartBodyLengthLimit: limit);
    }
}

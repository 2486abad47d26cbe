using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Geo.Api.Hosting;

public static class ImportUploads
{
    /// <summary>
    /// Lets an import endpoint take files up to <see cref="ImporOptions.MaksimumMegabyte"/>, both
    /// as a request body (Kestrel answers 413 above it) and as a multipart form part.
    /// </summary>
    public static RouteHandlerBuilder AcceptsImportUploads(this RouteHandlerBuilder endpoint, IEndpointRouteBuilder app)
    {
        var limit = app.ServiceProvider.GetRequiredService<IOptions<ImporOptions>>().Value.MaximumBytes;
        return endpoint.WithMetadata(new RequestSizeLimitAttribute(limit)).WithFormOptions(multipartBodyLengthLimit: limit);
    }

    /// <summary>An upload over the limit is answered 413 with what the limit is and where to set it.</summary>
    public static void DescribeTooLarge(ProblemDetailsContext context)
    {
        if (context.ProblemDetails.Status != StatusCodes.Status413PayloadTooLarge) return;
        var options = context.HttpContext.RequestServices.GetRequiredService<IOptions<ImporOptions>>().Value;
        context.ProblemDetails.Detail =
            $"berkas melebihi batas unggah {options.MaksimumMegabyte} MB; batas ini diatur dengan Geo:Impor:MaksimumMegabyte";
    }
}
